// The rnnwb command-line contract (README, "Command line"): exit codes, one-line errors, JSON keys.
#include "cli_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

using Result = rnnwb::test::CliResult;
using rnnwb::test::runRnnwb;

QString data(const char* name) { return QStringLiteral(RNNWB_TEST_DATA "/") + QString::fromUtf8(name); }

QJsonObject json(const QByteArray& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "bad JSON:" << error.errorString() << text.left(200);
    return doc.object();
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT
private slots:
    void trainWritesTheReport();
    void sameSeedSameCurve();
    void savedModelSeedsANewRun();
    void describeCountsRowsAndColumns();
    void threadCountComesFromTheEnvironment();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void failuresExitOneNamingTheFile_data();
    void failuresExitOneNamingTheFile();
    void trainReportsBaselines();
    void predictAndForecastWriteJson();
    void modelFailuresExitOneNamingTheFile_data();
    void modelFailuresExitOneNamingTheFile();
};

void CliTest::trainWritesTheReport()
{
    const Result r = runRnnwb(
        {u"train"_s, u"--csv"_s, data("airline-passengers.csv"), u"--epochs"_s, u"4"_s, u"--json"_s, u"-"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r.out);
    for (const char* key : {"config", "train_loss", "epochs_run", "stop_reason", "train_seconds", "test", "test_index",
                            "test_predictions", "test_actual"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o[u"train_loss"_s].toArray().size(), 4);
    QCOMPARE(o[u"epochs_run"_s].toInt(), 4);
    QCOMPARE(o[u"stop_reason"_s].toString(), QStringLiteral("completed"));
    QCOMPARE(o[u"config"_s][u"hidden"_s].toInt(), 45);
    QCOMPARE(o[u"config"_s][u"cell"_s].toString(), QStringLiteral("lstm"));
    // 144 values, window 5: 139 windows, 97 for training, 42 test targets from index 102
    QCOMPARE(o[u"test_index"_s].toArray().size(), 42);
    QCOMPARE(o[u"test_index"_s].toArray().first().toInt(), 102);
    QCOMPARE(o[u"test_actual"_s].toArray().last().toDouble(), 432.0);
    for (const char* key : {"mse_scaled", "mse", "rmse", "mae", "mape"})
        QVERIFY2(o[u"test"_s][QLatin1String(key)].isDouble(), key);
    for (const QJsonValue v : o[u"test_predictions"_s].toArray())
        QVERIFY(v.isDouble());
}

void CliTest::sameSeedSameCurve()
{
    const QStringList args = {u"train"_s,    u"--csv"_s,  data("airline-passengers.csv"),
                              u"--epochs"_s, u"5"_s,      u"--seed"_s,
                              u"3"_s,        u"--cell"_s, u"gru"_s,
                              u"--json"_s,   u"-"_s};
    const Result a = runRnnwb(args), b = runRnnwb(args);
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(json(a.out)[u"train_loss"_s], json(b.out)[u"train_loss"_s]);
}

void CliTest::savedModelSeedsANewRun()
{
    QTemporaryDir dir;
    const QString model = dir.filePath(QStringLiteral("m.safetensors"));
    const QString report = dir.filePath(QStringLiteral("r.json"));
    QCOMPARE(runRnnwb({u"train"_s, u"--csv"_s, data("airline-passengers.csv"), u"--epochs"_s, u"3"_s, u"--hidden"_s,
                       u"8"_s, u"--save-model"_s, model, u"--json"_s, report})
                 .exitCode,
             0);
    QVERIFY(QFileInfo::exists(model));
    QFile f(report);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const double lastLoss = json(f.readAll())[u"train_loss"_s].toArray().last().toDouble();
    const Result next = runRnnwb({u"train"_s, u"--csv"_s, data("airline-passengers.csv"), u"--epochs"_s, u"1"_s,
                                  u"--hidden"_s, u"8"_s, u"--init-weights"_s, model, u"--json"_s, u"-"_s});
    QCOMPARE(next.exitCode, 0);
    // the next run starts where the first ended: its first loss is below the first run's last
    QVERIFY(json(next.out)[u"train_loss"_s].toArray().first().toDouble() < lastLoss);
}

void CliTest::describeCountsRowsAndColumns()
{
    const Result r = runRnnwb({u"describe"_s, u"--csv"_s, data("airline-passengers.csv"), u"--json"_s, u"-"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r.out);
    QCOMPARE(o[u"rows"_s].toInt(), 144);
    QCOMPARE(o[u"columns"_s].toArray().size(), 2);
    QCOMPARE(o[u"columns"_s][1][u"name"_s].toString(), QStringLiteral("Passengers"));
}

// RNNWB_THREADS sets how many threads training uses (bench reports it); a value that is not a
// whole number from 1 to 64 is ignored in favour of the default, never a failure.
void CliTest::threadCountComesFromTheEnvironment()
{
    const auto benchThreads = [](const char* setting) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"RNNWB_THREADS"_s);
        if (setting)
            environment.insert(u"RNNWB_THREADS"_s, QString::fromLatin1(setting));
        const Result r = runRnnwb({u"bench"_s, u"--config"_s, u"seed"_s, u"--json"_s, u"-"_s}, environment);
        if (r.exitCode != 0)
            return -1;
        return QJsonDocument::fromJson(r.out).array().at(0)[u"threads"_s].toInt();
    };
    const int byDefault = benchThreads(nullptr);
    QVERIFY(byDefault >= 1);
    QCOMPARE(benchThreads("1"), 1);
    QCOMPARE(benchThreads("3"), 3);
    for (const char* ignored : {"0", "65", "two", "2x", ""})
        QCOMPARE(benchThreads(ignored), byDefault);
}

void CliTest::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{u"fly"_s};
    QTest::newRow("train without csv") << QStringList{u"train"_s};
    QTest::newRow("unknown option") << QStringList{u"train"_s, u"--csv"_s, u"x.csv"_s, u"--wings"_s, u"2"_s};
    QTest::newRow("learning rate 0") << QStringList{u"train"_s, u"--csv"_s, u"x.csv"_s, u"--lr"_s, u"0"_s};
    QTest::newRow("hidden not a number") << QStringList{u"train"_s, u"--csv"_s, u"x.csv"_s, u"--hidden"_s, u"lots"_s};
    QTest::newRow("season 0") << QStringList{u"train"_s, u"--csv"_s, u"x.csv"_s, u"--season"_s, u"0"_s};
    QTest::newRow("predict without model") << QStringList{u"predict"_s, u"--csv"_s, u"x.csv"_s};
    QTest::newRow("predict without csv") << QStringList{u"predict"_s, u"--model"_s, u"m.safetensors"_s};
    QTest::newRow("forecast without horizon")
        << QStringList{u"forecast"_s, u"--model"_s, u"m.safetensors"_s, u"--csv"_s, u"x.csv"_s};
    QTest::newRow("forecast horizon 0") << QStringList{
        u"forecast"_s, u"--model"_s, u"m.safetensors"_s, u"--csv"_s, u"x.csv"_s, u"--horizon"_s, u"0"_s};
    QTest::newRow("forecast interval 1.5")
        << QStringList{u"forecast"_s,  u"--model"_s, u"m.safetensors"_s, u"--csv"_s, u"x.csv"_s,
                       u"--horizon"_s, u"3"_s,       u"--interval"_s,    u"1.5"_s};
}

void CliTest::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    const Result r = runRnnwb(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
}

void CliTest::failuresExitOneNamingTheFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("missing file") << u"/nonexistent/series.csv"_s << QStringList{};
    QTest::newRow("window longer than the series")
        << data("airline-passengers.csv") << QStringList{u"--window"_s, u"400"_s};
    QTest::newRow("init weights of another shape")
        << data("airline-passengers.csv")
        << QStringList{u"--init-weights"_s,
                       data("fixtures/trajectory/gru_features_w5_h16_l1_torchseed2.init.safetensors")};
}

void CliTest::failuresExitOneNamingTheFile()
{
    QFETCH(QString, file);
    QFETCH(QStringList, extra);
    const Result r = runRnnwb(QStringList{u"train"_s, u"--csv"_s, file, u"--epochs"_s, u"1"_s} + extra);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(".csv") || r.err.contains(".safetensors"), r.err.constData());
}

void CliTest::trainReportsBaselines()
{
    const Result r = runRnnwb({u"train"_s, u"--csv"_s, data("airline-passengers.csv"), u"--epochs"_s, u"2"_s,
                               u"--hidden"_s, u"8"_s, u"--json"_s, u"-"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r.out);
    for (const char* key : {"smape", "mase", "r2"})
        QVERIFY2(o[u"test"_s].toObject().contains(QLatin1String(key)), key);
    QVERIFY(o[u"test"_s][u"mase"_s].isDouble());
    const QJsonObject b = o[u"baselines"_s].toObject();
    for (const char* name : {"naive", "seasonal_naive", "drift", "linear_ar"})
        for (const char* key : {"count", "mse_scaled", "mse", "rmse", "mae", "mape", "smape", "mase", "r2"}) {
            QVERIFY2(b[QLatin1String(name)].toObject().contains(QLatin1String(key)), name);
            QVERIFY2(b[QLatin1String(name)][QLatin1String(key)].isDouble(), key);
        }
    QCOMPARE(b[u"seasonal_naive"_s][u"period"_s].toInt(), 12);
    QCOMPARE(b[u"seasonal_naive"_s][u"period_source"_s].toString(), u"acf"_s);
    QCOMPARE(b[u"naive"_s][u"count"_s].toInt(), 42);

    const Result seven = runRnnwb({u"train"_s, u"--csv"_s, data("airline-passengers.csv"), u"--epochs"_s, u"1"_s,
                                   u"--hidden"_s, u"4"_s, u"--season"_s, u"7"_s, u"--json"_s, u"-"_s});
    QCOMPARE(seven.exitCode, 0);
    QCOMPARE(json(seven.out)[u"baselines"_s][u"seasonal_naive"_s][u"period"_s].toInt(), 7);
    QCOMPARE(json(seven.out)[u"baselines"_s][u"seasonal_naive"_s][u"period_source"_s].toString(), u"user"_s);
}

void CliTest::predictAndForecastWriteJson()
{
    QTemporaryDir dir;
    const QString model = dir.filePath(QStringLiteral("m.safetensors"));
    const Result trained = runRnnwb({u"train"_s, u"--csv"_s, data("airline-passengers.csv"), u"--epochs"_s, u"3"_s,
                                     u"--hidden"_s, u"8"_s, u"--save-model"_s, model, u"--json"_s, u"-"_s});
    QCOMPARE(trained.exitCode, 0);

    const Result p = runRnnwb(
        {u"predict"_s, u"--model"_s, model, u"--csv"_s, data("airline-passengers.csv"), u"--json"_s, u"-"_s});
    QCOMPARE(p.exitCode, 0);
    const QJsonObject po = json(p.out);
    for (const char* key : {"index", "predictions", "actual"})
        QVERIFY2(po[QLatin1String(key)].toArray().size() == 139, key); // every window of 144 values
    QCOMPARE(po[u"index"_s].toArray().first().toInt(), 5);
    QCOMPARE(po[u"index"_s].toArray().last().toInt(), 143);
    QCOMPARE(po[u"actual"_s].toArray().last().toDouble(), 432.0);
    // the test entries are the training run's own test predictions
    const QJsonArray testPredictions = json(trained.out)[u"test_predictions"_s].toArray();
    const QJsonArray predictions = po[u"predictions"_s].toArray();
    for (qsizetype k = 0; k < testPredictions.size(); ++k)
        QCOMPARE(predictions[139 - testPredictions.size() + k].toDouble(), testPredictions[k].toDouble());

    const Result f = runRnnwb({u"forecast"_s, u"--model"_s, model, u"--csv"_s, data("airline-passengers.csv"),
                               u"--horizon"_s, u"12"_s, u"--interval"_s, u"0.8"_s, u"--json"_s, u"-"_s});
    QCOMPARE(f.exitCode, 0);
    const QJsonObject fo = json(f.out);
    for (const char* key : {"horizon", "index", "forecast", "lower", "upper", "interval"})
        QVERIFY2(fo.contains(QLatin1String(key)), key);
    QCOMPARE(fo[u"horizon"_s].toInt(), 12);
    QCOMPARE(fo[u"interval"_s].toDouble(), 0.8);
    QCOMPARE(fo[u"index"_s].toArray().size(), 12);
    QCOMPARE(fo[u"index"_s].toArray().first().toInt(), 144);
    QCOMPARE(fo[u"index"_s].toArray().last().toInt(), 155);
    for (qsizetype k = 0; k < 12; ++k) {
        const double y = fo[u"forecast"_s][k].toDouble();
        QVERIFY(fo[u"lower"_s][k].toDouble() <= y && y <= fo[u"upper"_s][k].toDouble());
    }
}

void CliTest::modelFailuresExitOneNamingTheFile_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("content"); // empty: the model file does not exist
    QTest::newRow("predict, not a model") << u"predict"_s << QByteArray("this is not a safetensors file");
    // a well-formed safetensors file without the workbench's metadata
    const QByteArray header = R"({"__metadata__":{"format":"pt"}})";
    QByteArray foreign(8, '\0');
    foreign[0] = char(header.size());
    QTest::newRow("forecast, foreign safetensors") << u"forecast"_s << foreign + header;
    QTest::newRow("forecast, missing model") << u"forecast"_s << QByteArray();
}

void CliTest::modelFailuresExitOneNamingTheFile()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString model = dir.filePath(QStringLiteral("broken-model.safetensors"));
    if (!content.isEmpty()) {
        QFile f(model);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    QStringList args = {command, u"--model"_s, model, u"--csv"_s, data("airline-passengers.csv")};
    if (command == u"forecast"_s)
        args << u"--horizon"_s << u"5"_s;
    const Result r = runRnnwb(args);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("broken-model.safetensors"), r.err.constData());
}

QTEST_GUILESS_MAIN(CliTest)
#include "test_cli.moc"
