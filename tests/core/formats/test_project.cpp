// The core's export formats: base64, the project file (.rnnwb) round trip and its
// validation, and the prediction CSV.
#include "core/base/safetensors.h"
#include "core/formats/prediction_csv.h"
#include "core/formats/project.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rnnwb;

namespace {

Project sampleProject()
{
    Project p;
    p.datasetPath = "/data/series.csv";
    p.datasetRelative = "series.csv";
    p.datasetSha256 = std::string(64, 'a');
    p.config.hidden = 4;
    p.config.layers = 1;
    p.config.seed = 42;
    ProjectRun run;
    run.label = "series.csv";
    run.model.config = p.config;
    run.model.shape = networkShape(p.config);
    run.model.parameters = Vec<float>::LinSpaced(Eigen::Index(parameterCount(run.model.shape)), -1.0f, 1.0f);
    run.model.parameters[3] = 1.0f / 3.0f; // not representable in decimal: must come back in its bits
    run.model.columnName = "Passengers";
    run.model.scaler = {ScalerKind::MinMax, 104.0, 518.0};
    run.trainLoss = {0.5, 0.25, 0.125};
    run.stop = StopReason::EarlyStopping;
    run.trainSeconds = 1.5;
    run.metrics = {{"test", {{"rmse", 12.5}}}};
    p.runs.push_back(run);
    return p;
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT

private slots:
    void base64RoundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("one byte") << QByteArray("f") << QStringLiteral("Zg==");
        QTest::newRow("two bytes") << QByteArray("fo") << QStringLiteral("Zm8=");
        QTest::newRow("three bytes") << QByteArray("foo") << QStringLiteral("Zm9v");
        QTest::newRow("binary") << QByteArray("\x00\xff\x10\x80", 4) << QStringLiteral("AP8QgA==");
    }

    void base64RoundTrip()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoded);
        const std::span<const unsigned char> in(reinterpret_cast<const unsigned char*>(bytes.constData()),
                                                std::size_t(bytes.size()));
        QCOMPARE(QString::fromStdString(base64Encode(in)), encoded);
        const std::vector<unsigned char> back = base64Decode(encoded.toStdString());
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(back.data()), qsizetype(back.size())), bytes);
    }

    void base64RefusesDamage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("bad length") << QStringLiteral("Zm9");
        QTest::newRow("bad character") << QStringLiteral("Zm9*");
        QTest::newRow("padding inside") << QStringLiteral("Zg==Zm9v");
        QTest::newRow("lone padding") << QStringLiteral("Z===");
    }

    void base64RefusesDamage()
    {
        QFETCH(QString, text);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, base64Decode(text.toStdString()));
    }

    void projectRoundTrip()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("p.rnnwb")).toStdString();
        const Project p = sampleProject();
        saveProject(path, p);
        const Project q = loadProject(path);
        QCOMPARE(q.datasetPath, p.datasetPath);
        QCOMPARE(q.datasetRelative, p.datasetRelative);
        QCOMPARE(q.datasetSha256, p.datasetSha256);
        QCOMPARE(q.config, p.config);
        QCOMPARE(q.runs.size(), std::size_t(1));
        const ProjectRun& r = q.runs.front();
        QVERIFY(r.model.parameters == p.runs.front().model.parameters);
        QCOMPARE(r.model.config, p.config);
        QCOMPARE(r.model.columnName, std::string("Passengers"));
        QCOMPARE(r.model.scaler.scale, 518.0);
        QCOMPARE(r.trainLoss, p.runs.front().trainLoss);
        QCOMPARE(r.stop, StopReason::EarlyStopping);
        QCOMPARE(r.metrics, p.runs.front().metrics);
    }

    void invalidProjectsRefused_data()
    {
        QTest::addColumn<QByteArray>("pointer");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("foreign format") << QByteArray("/format") << QByteArray(R"("something")")
                                        << QByteArray("not an RNN Workbench project");
        QTest::newRow("newer version") << QByteArray("/version") << QByteArray("2") << QByteArray("version 2");
        QTest::newRow("sha not a string")
            << QByteArray("/dataset/sha256") << QByteArray("5") << QByteArray("'sha256' is not a string");
        QTest::newRow("bad hyperparameter") << QByteArray("/config/window") << QByteArray("0") << QByteArray("window");
        QTest::newRow("runs not a list") << QByteArray("/runs") << QByteArray("{}")
                                         << QByteArray("'runs' is not a list");
        QTest::newRow("unknown stop reason")
            << QByteArray("/runs/0/stop_reason") << QByteArray(R"("exploded")") << QByteArray("run 1");
        QTest::newRow("weights too short") << QByteArray("/runs/0/model/parameters") << QByteArray(R"("AAAAAA==")")
                                           << QByteArray("values, the network has");
        QTest::newRow("weights not base64")
            << QByteArray("/runs/0/model/parameters") << QByteArray(R"("@@@@")") << QByteArray("damaged");
        QTest::newRow("negative scale") << QByteArray("/runs/0/model/scaler/scale") << QByteArray("-1")
                                        << QByteArray("positive");
        QTest::newRow("loss not numbers")
            << QByteArray("/runs/0/train_loss") << QByteArray(R"(["x"])") << QByteArray("train_loss");
    }

    void invalidProjectsRefused()
    {
        QFETCH(QByteArray, pointer);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, reason);
        nlohmann::json j = projectToJson(sampleProject());
        j[nlohmann::json::json_pointer(pointer.toStdString())] = nlohmann::json::parse(value.toStdString());
        try {
            projectFromJson(j, "x.rnnwb");
            QFAIL("accepted");
        } catch (const FileFormatError& e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.startsWith(u"x.rnnwb: ") && message.contains(QString::fromUtf8(reason)),
                     qPrintable(message));
        }
    }

    void notJsonRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.rnnwb"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        f.close();
        QVERIFY_THROWS_EXCEPTION(FileFormatError, loadProject(path.toStdString()));
        QVERIFY_THROWS_EXCEPTION(FileFormatError,
                                 loadProject(dir.filePath(QStringLiteral("none.rnnwb")).toStdString()));
    }

    void predictionCsvFormat()
    {
        PartPrediction test;
        test.part = Part::Test;
        test.index = {7, 8};
        test.predicted = {0.1, 1.0 / 3.0};
        test.actual = {1, 2};
        std::vector<PredictionRow> rows = predictionRows(std::span<const PartPrediction>(&test, 1));
        Forecast f;
        f.index = {9};
        f.forecast = {2.5};
        f.lower = {2.0};
        f.upper = {3.25};
        for (const PredictionRow& r : forecastRows(f))
            rows.push_back(r);
        const std::string csv = predictionCsv({{"seed", "3"}, {"config", "a\nb"}}, rows, false);
        QCOMPARE(QString::fromStdString(csv),
                 QStringLiteral("# seed: 3\n# config: a b\nindex,actual,prediction,lower,upper,part\n"
                                "7,1,0.1,,,test\n8,2,0.3333333333333333,,,test\n9,,2.5,2,3.25,forecast\n"));
    }
};

QTEST_APPLESS_MAIN(TestProject)
#include "test_project.moc"
