#include "app/shell/app_options.h"

#include "app/session/qt_text.h"

namespace rnnwb::app {

namespace {

// "--name value" or "--name=value" at position k; advances k past the value.
QString takeValue(const QStringList& args, qsizetype& k, const QString& name)
{
    const QString arg = args[k];
    if (arg.startsWith(name + u'='))
        return arg.mid(name.size() + 1);
    if (k + 1 >= args.size())
        throw UsageError(toStd(name) + " needs a value");
    return args[++k];
}

bool isValueOption(const QString& arg, const QString& name) { return arg == name || arg.startsWith(name + u'='); }

QString parseView(const QString& name)
{
    if (!appViews().contains(name))
        throw UsageError("--view must be one of " + toStd(appViews().join(QStringLiteral(", "))) + " (got '"
                         + toStd(name) + "')");
    return name;
}

// "WIDTHxHEIGHT", each 200 … 10000 pixels.
QSize parseSize(const QString& text)
{
    const QStringList parts = text.split(u'x');
    bool okWidth = false, okHeight = false;
    const int width = parts.size() == 2 ? parts[0].toInt(&okWidth) : 0;
    const int height = parts.size() == 2 ? parts[1].toInt(&okHeight) : 0;
    if (!okWidth || !okHeight || width < 200 || height < 200 || width > 10000 || height > 10000)
        throw UsageError("--window-size must be WIDTHxHEIGHT in pixels, 200 to 10000 each (got '" + toStd(text) + "')");
    return {width, height};
}

void readScriptOption(AppOptions& o, const QStringList& rest, qsizetype& k)
{
    const QString arg = rest[k];
    if (arg == u"--train")
        o.train = true;
    else if (arg == u"--quit")
        o.quit = true;
    else if (arg == u"--measure")
        o.measure = true;
    else if (arg == u"--compare-cells")
        o.compareCells = true;
    else if (isValueOption(arg, QStringLiteral("--view")))
        o.view = parseView(takeValue(rest, k, QStringLiteral("--view")));
    else if (isValueOption(arg, QStringLiteral("--window-size")))
        o.windowSize = parseSize(takeValue(rest, k, QStringLiteral("--window-size")));
    else if (arg == u"--help" || arg == u"-h")
        o.help = true;
    else if (arg == u"--version")
        o.version = true;
    else if (isValueOption(arg, QStringLiteral("--report")))
        o.report = takeValue(rest, k, QStringLiteral("--report"));
    else if (isValueOption(arg, QStringLiteral("--screenshot")))
        o.screenshot = takeValue(rest, k, QStringLiteral("--screenshot"));
    else if (isValueOption(arg, QStringLiteral("--export-charts")))
        o.exportCharts = takeValue(rest, k, QStringLiteral("--export-charts"));
    else if (arg.startsWith(u'-') && arg != u"-")
        throw UsageError("unknown option " + toStd(arg));
    else if (!o.file.isEmpty())
        throw UsageError("only one file can be opened (got " + toStd(o.file) + " and " + toStd(arg) + ")");
    else
        o.file = arg;
}

} // namespace

AppOptions parseAppOptions(const QStringList& arguments)
{
    AppOptions o;
    std::vector<std::string> args;
    for (const QString& a : arguments)
        args.push_back(toStd(a));
    const std::vector<std::string> restStd = parseTrainOptions(args, o.config);
    QStringList rest;
    for (const std::string& a : restStd)
        rest << toQ(a);
    for (qsizetype k = 0; k < rest.size(); ++k)
        readScriptOption(o, rest, k);
    o.arguments = arguments;
    if (const std::vector<std::string> problems = configProblems(o.config); !problems.empty())
        throw UsageError(problems.front());
    if (!o.report.isEmpty() && !o.train)
        throw UsageError("--report needs --train (the report describes a training run)");
    return o;
}

TrainConfig AppOptions::configOn(TrainConfig base) const
{
    std::vector<std::string> args;
    for (const QString& a : arguments)
        args.push_back(toStd(a));
    (void)parseTrainOptions(args, base); // already checked by parseAppOptions
    return base;
}

QStringList appViews()
{
    return {QStringLiteral("data"),      QStringLiteral("results"), QStringLiteral("architecture"),
            QStringLiteral("cell"),      QStringLiteral("inside"),  QStringLiteral("gradient"),
            QStringLiteral("parameters")};
}

QString appUsage()
{
    return QStringLiteral("Usage: rnn-workbench [FILE] [training options] [--train] [--report FILE.json]\n"
                          "                     [--screenshot FILE.png] [--export-charts DIR] [--quit] [--measure]\n"
                          "                     [--view NAME] [--window-size WxH] [--compare-cells]\n"
                          "\n"
                          "Opens FILE in the RNN Workbench: a CSV file (default: the bundled airline passengers),\n"
                          "a project (.rnnwb: its data, hyperparameters and runs) or a model (.safetensors,\n"
                          "applied to the bundled data).\n"
                          "\n"
                          "Training options (the same as `rnnwb train`; defaults = the seed tutorial's recipe):\n")
           + toQ(trainOptionsHelp())
           + QStringLiteral(
               "\n"
               "Scripting:\n"
               "  --train               train once the window is up\n"
               "  --report FILE         write the run's JSON report (the same as `rnnwb train --json`)\n"
               "  --screenshot FILE     save an image of the main window (after training, with --train)\n"
               "  --export-charts DIR   save every chart as PNG, SVG and PDF into DIR\n"
               "  --quit                exit when done: 0 on success, 1 on failure (error on stderr)\n"
               "  --measure             print training time and the longest UI stall to stderr\n"
               "  --view NAME           show this tab or teaching view: data, results, architecture,\n"
               "                        cell, inside, gradient, parameters (for --screenshot)\n"
               "  --window-size WxH     the main window's size in pixels, e.g. 1280x720\n"
               "  --compare-cells       run the RNN / GRU / LSTM gradient comparison (Inside the Network)\n"
               "  --help, --version\n"
               "\n"
               "Without --train, --report or --quit, the last session's hyperparameters are restored\n"
               "and the training options given here are applied on top of them.\n"
               "Bad options exit with code 2.\n");
}

} // namespace rnnwb::app
