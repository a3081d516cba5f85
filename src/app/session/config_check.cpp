#include "app/session/config_check.h"

#include "app/session/qt_text.h"

#include <QRegularExpression>

namespace rnnwb::app {

QString problemOption(const QString& message)
{
    static const QRegularExpression option(QStringLiteral("--([a-z][a-z-]*)"));
    if (message.startsWith(u"the series has"))
        return QStringLiteral("window");
    const QRegularExpressionMatch m = option.match(message);
    return m.hasMatch() ? m.captured(1) : QString();
}

ConfigCheck checkConfig(const TrainConfig& config, const Series* series, const QString& seriesError)
{
    ConfigCheck check;
    for (const std::string& p : configProblems(config)) {
        const QString message = toQ(p);
        check.problems.append({problemOption(message), message});
    }
    if (!series) {
        check.problems.append({QString(), seriesError.isEmpty() ? ConfigProblem{}.message : seriesError});
        if (check.problems.back().message.isEmpty())
            check.problems.back().message = QStringLiteral("no series is loaded");
        return check;
    }
    const bool splitValid = config.window >= 1 && config.trainSplit > 0 && config.trainSplit < 1 && config.valSplit >= 0
                            && config.trainSplit + config.valSplit < 1 && config.preprocessing.seasonalDifference >= 0;
    try {
        if (splitValid)
            check.split = splitWindows(series->values.size(), config.window, config.trainSplit, config.valSplit,
                                       config.preprocessing.lost());
    } catch (const std::exception&) {
        // reported below by prepare, with the same words
    }
    if (check.problems.isEmpty()) {
        try {
            (void)Dataset::prepare(series->values, config, series->line);
        } catch (const std::exception& e) {
            const QString message = toQ(e.what());
            check.problems.append({problemOption(message), message});
        }
    }
    return check;
}

} // namespace rnnwb::app
