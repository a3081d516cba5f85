// rnn-workbench's command line, run as a process (headless): --train --report writes the same
// JSON as `rnnwb train --json` (identical train_loss for the same data, config and seed),
// --screenshot and --export-charts write their files, --quit exits 0/1, bad options exit 2.
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/formats/project.h"
#include "core/training/report.h"
#include "core/training/train_options.h"
#include "core/training/trainer.h"

#include <nlohmann/json.hpp>

#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace rnnwb;

namespace {

const QString kApp = QStringLiteral(RNNWB_BIN_DIR "/rnn-workbench");
const QString kCli = QStringLiteral(RNNWB_BIN_DIR "/rnnwb");
const QString kAirline = QStringLiteral(RNNWB_APP_DATA "/airline-passengers.csv");

struct Result {
    int exitCode = -1;
    QString stdErr;
};

Result run(const QString& program, const QStringList& args, int timeoutMs = 120000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/rnnwb-test-config"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromLocal8Bit(p.readAllStandardError())};
}

nlohmann::json readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
}

// The CLI's pipeline in-process (for when the rnnwb binary is not built).
nlohmann::json coreReport(const QStringList& options)
{
    TrainConfig config;
    std::vector<std::string> args;
    for (const QString& o : options)
        args.push_back(o.toStdString());
    parseTrainOptions(args, config);
    const CsvTable table = readCsvFile(kAirline.toStdString());
    const Series series = extractSeries(table, defaultColumn(table), config.missing);
    Trainer trainer(Dataset::prepare(series.values, config), config, series.name);
    trainer.run();
    return runReport(summarizeRun(trainer, kAirline.toStdString()));
}

} // namespace

class TestAppCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void reportMatchesTheCli_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("seed recipe, 40 epochs") << QStringList{QStringLiteral("--epochs"), QStringLiteral("40")};
        QTest::newRow("gru sequence minibatches") << QStringList{QStringLiteral("--cell"),
                                                                 QStringLiteral("gru"),
                                                                 QStringLiteral("--layout=sequence"),
                                                                 QStringLiteral("--batch"),
                                                                 QStringLiteral("16"),
                                                                 QStringLiteral("--epochs"),
                                                                 QStringLiteral("15"),
                                                                 QStringLiteral("--val-split"),
                                                                 QStringLiteral("0.1"),
                                                                 QStringLiteral("--seed"),
                                                                 QStringLiteral("7")};
    }

    void reportMatchesTheCli()
    {
        QFETCH(QStringList, options);
        const QString report = dir_.filePath(QStringLiteral("app.json"));
        const Result app = run(kApp, QStringList{kAirline} + options
                                         + QStringList{QStringLiteral("--train"), QStringLiteral("--report"), report,
                                                       QStringLiteral("--quit")});
        QVERIFY2(app.exitCode == 0, qPrintable(app.stdErr));
        const nlohmann::json fromApp = readJson(report);
        nlohmann::json expected;
        if (QFile::exists(kCli)) {
            const QString cliJson = dir_.filePath(QStringLiteral("cli.json"));
            const Result cli = run(kCli, QStringList{QStringLiteral("train"), QStringLiteral("--csv"), kAirline}
                                             + options + QStringList{QStringLiteral("--json"), cliJson});
            QVERIFY2(cli.exitCode == 0, qPrintable(cli.stdErr));
            expected = readJson(cliJson);
        } else {
            qInfo("no %s: comparing with the core's pipeline in-process", qPrintable(kCli));
            expected = coreReport(options);
        }
        QVERIFY(fromApp.contains("train_loss"));
        QCOMPARE(fromApp.at("train_loss"), expected.at("train_loss"));
        QCOMPARE(fromApp.at("config"), expected.at("config"));
        QCOMPARE(fromApp.at("test_predictions"), expected.at("test_predictions"));
        QCOMPARE(fromApp.at("test_index"), expected.at("test_index"));
        QCOMPARE(fromApp.at("stop_reason"), expected.at("stop_reason"));
    }

    void screenshotAndChartExport()
    {
        const QString shot = dir_.filePath(QStringLiteral("window.png"));
        const QString charts = dir_.filePath(QStringLiteral("charts"));
        const Result app = run(kApp, {QStringLiteral("--train"), QStringLiteral("--epochs"), QStringLiteral("10"),
                                      QStringLiteral("--screenshot"), shot, QStringLiteral("--export-charts"), charts,
                                      QStringLiteral("--quit")});
        QVERIFY2(app.exitCode == 0, qPrintable(app.stdErr));
        const QImage image(shot);
        QVERIFY(image.width() > 600 && image.height() > 400);
        for (const char* name : {"series", "loss", "forecast", "rmse"}) {
            for (const char* ext : {".png", ".svg", ".pdf"}) {
                const QString file = charts + u'/' + QLatin1String(name) + QLatin1String(ext);
                QVERIFY2(QFileInfo(file).size() > 1000, qPrintable(file));
            }
            const QImage png(charts + u'/' + QLatin1String(name) + QStringLiteral(".png"));
            QVERIFY(!png.isNull());
            // Provenance: the bundled dataset's SHA-256, the seed, the run's metrics.
            QCOMPARE(png.text(QStringLiteral("dataset_sha256")).size(), 64);
            QCOMPARE(png.text(QStringLiteral("seed")), QStringLiteral("0"));
            QVERIFY(png.text(QStringLiteral("metrics")).contains(u"\"test\""));
            QFile svg(charts + u'/' + QLatin1String(name) + QStringLiteral(".svg"));
            QVERIFY(svg.open(QIODevice::ReadOnly));
            QVERIFY(svg.readAll().contains("seed: 0"));
        }
    }

    // A project given on the command line restores its hyperparameters; options apply on top.
    void projectOnTheCommandLine()
    {
        Project project;
        project.datasetPath = kAirline.toStdString();
        QFile data(kAirline);
        QVERIFY(data.open(QIODevice::ReadOnly));
        project.datasetSha256
            = QCryptographicHash::hash(data.readAll(), QCryptographicHash::Sha256).toHex().toStdString();
        project.config.hidden = 7;
        project.config.seed = 3;
        const QString file = dir_.filePath(QStringLiteral("cli.rnnwb"));
        saveProject(file.toStdString(), project);
        const QString report = dir_.filePath(QStringLiteral("project.json"));
        const Result app = run(kApp, {file, QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--train"),
                                      QStringLiteral("--report"), report, QStringLiteral("--quit")});
        QVERIFY2(app.exitCode == 0, qPrintable(app.stdErr));
        const nlohmann::json config = readJson(report).at("config");
        QCOMPARE(config.at("hidden"), 7);
        QCOMPARE(config.at("seed"), 3);
        QCOMPARE(config.at("epochs"), 3);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate"), QStringLiteral("--quit")} << 2
                                        << "--frobnicate";
        QTest::newRow("malformed number")
            << QStringList{QStringLiteral("--epochs"), QStringLiteral("ten"), QStringLiteral("--quit")} << 2
            << "--epochs";
        QTest::newRow("invalid config") << QStringList{QStringLiteral("--window"), QStringLiteral("0"),
                                                       QStringLiteral("--quit")}
                                        << 2 << "--window";
        QTest::newRow("report without train")
            << QStringList{QStringLiteral("--report"), QStringLiteral("x.json"), QStringLiteral("--quit")} << 2
            << "--train";
        QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/data.csv"), QStringLiteral("--train"),
                                                     QStringLiteral("--quit")}
                                      << 1 << "data.csv";
        QTest::newRow("window too long") << QStringList{QStringLiteral("--window"), QStringLiteral("400"),
                                                        QStringLiteral("--train"), QStringLiteral("--quit")}
                                         << 1 << "cannot train";
        QTest::newRow("no such column") << QStringList{QStringLiteral("--column"), QStringLiteral("Nope"),
                                                       QStringLiteral("--train"), QStringLiteral("--quit")}
                                        << 1 << "Nope";
        QTest::newRow("missing project") << QStringList{QStringLiteral(RNNWB_APP_DATA "/airline-passengers.csv.rnnwb"),
                                                        QStringLiteral("--quit")}
                                         << 1 << "airline-passengers.csv.rnnwb";
        QTest::newRow("just quit") << QStringList{QStringLiteral("--quit")} << 0 << "";
    }

    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Result r = run(kApp, args);
        QVERIFY2(r.exitCode == code, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.stdErr)));
        QVERIFY2(r.stdErr.contains(message), qPrintable(r.stdErr));
    }
};

QTEST_GUILESS_MAIN(TestAppCli)
#include "test_app_cli.moc"
