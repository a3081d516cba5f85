// The rnnwb command-line contract (DESIGN.md §4): exit codes, one-line errors, JSON keys.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out, err;
};

Result rnnwb(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(RNNWB_BIN_DIR "/rnnwb"), args);
    if (!p.waitForFinished(120000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

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
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void failuresExitOneNamingTheFile_data();
    void failuresExitOneNamingTheFile();
};

void CliTest::trainWritesTheReport()
{
    const Result r = rnnwb({u"train"_s, u"--csv"_s, data("airline-passengers.csv"), u"--epochs"_s, u"4"_s, u"--json"_s, u"-"_s});
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
    const QStringList args = {u"train"_s, u"--csv"_s, data("airline-passengers.csv"), u"--epochs"_s, u"5"_s, u"--seed"_s, u"3"_s,
                              u"--cell"_s, u"gru"_s, u"--json"_s, u"-"_s};
    const Result a = rnnwb(args), b = rnnwb(args);
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(json(a.out)[u"train_loss"_s], json(b.out)[u"train_loss"_s]);
}

void CliTest::savedModelSeedsANewRun()
{
    QTemporaryDir dir;
    const QString model = dir.filePath(QStringLiteral("m.safetensors"));
    const QString report = dir.filePath(QStringLiteral("r.json"));
    QCOMPARE(rnnwb({u"train"_s, u"--csv"_s, data("airline-passengers.csv"), u"--epochs"_s, u"3"_s, u"--hidden"_s, u"8"_s,
                    u"--save-model"_s, model, u"--json"_s, report})
                 .exitCode,
             0);
    QVERIFY(QFileInfo::exists(model));
    QFile f(report);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const double lastLoss = json(f.readAll())[u"train_loss"_s].toArray().last().toDouble();
    const Result next = rnnwb({u"train"_s, u"--csv"_s, data("airline-passengers.csv"), u"--epochs"_s, u"1"_s, u"--hidden"_s, u"8"_s,
                               u"--init-weights"_s, model, u"--json"_s, u"-"_s});
    QCOMPARE(next.exitCode, 0);
    // the next run starts where the first ended: its first loss is below the first run's last
    QVERIFY(json(next.out)[u"train_loss"_s].toArray().first().toDouble() < lastLoss);
}

void CliTest::describeCountsRowsAndColumns()
{
    const Result r = rnnwb({u"describe"_s, u"--csv"_s, data("airline-passengers.csv"), u"--json"_s, u"-"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r.out);
    QCOMPARE(o[u"rows"_s].toInt(), 144);
    QCOMPARE(o[u"columns"_s].toArray().size(), 2);
    QCOMPARE(o[u"columns"_s][1][u"name"_s].toString(), QStringLiteral("Passengers"));
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
}

void CliTest::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    const Result r = rnnwb(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
}

void CliTest::failuresExitOneNamingTheFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("missing file") << u"/nonexistent/series.csv"_s << QStringList{};
    QTest::newRow("window longer than the series") << data("airline-passengers.csv") << QStringList{u"--window"_s, u"400"_s};
    QTest::newRow("init weights of another shape")
        << data("airline-passengers.csv")
        << QStringList{u"--init-weights"_s, data("fixtures/trajectory/gru_features_w5_h16_l1_torchseed2.init.safetensors")};
}

void CliTest::failuresExitOneNamingTheFile()
{
    QFETCH(QString, file);
    QFETCH(QStringList, extra);
    const Result r = rnnwb(QStringList{u"train"_s, u"--csv"_s, file, u"--epochs"_s, u"1"_s} + extra);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(".csv") || r.err.contains(".safetensors"), r.err.constData());
}

QTEST_GUILESS_MAIN(CliTest)
#include "test_cli.moc"
