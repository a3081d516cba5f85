// GUI tests of projects (.rnnwb) and Re-run and Verify: a saved session reopens
// identical (data, configuration, runs with their curves and predictions); a changed or
// missing dataset is detected and said; foreign and damaged project files are refused naming
// the file; a run trained again on the same data gives the same loss curve bit for bit.
#include "app/charts/loss_chart.h"
#include "app/panels/results_panel.h"
#include "app/panels/training_panel.h"
#include "app/session/data_document.h"
#include "app/shell/app_runner.h"
#include "app/shell/main_window.h"
#include "app_test_support.h"
#include "core/formats/project.h"

#include <qcustomplot.h>

#include <nlohmann/json.hpp>

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace rnnwb;
using namespace rnnwb::app;

namespace {

const QString kAirline = QStringLiteral(RNNWB_APP_DATA "/airline-passengers.csv");

TrainConfig smallConfig(std::uint64_t seed, int epochs = 6)
{
    TrainConfig c;
    c.epochs = epochs;
    c.hidden = 8;
    c.layers = 1;
    c.valSplit = 0.1;
    c.seed = seed;
    return c;
}

bool train(MainWindow& w, const TrainConfig& config)
{
    w.applyConfig(config);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    return w.startTraining() && finished.wait(60000);
}

void makeWindow(MainWindow& w)
{
    w.setInteractive(false);
    w.setPersistent(false);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class TestAppProject : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString data_, project_;

    // A session on a copy of the airline data with two runs, saved as a project.
    void saveTwoRunProject(MainWindow& w)
    {
        QVERIFY(w.openDataFile(data_));
        QVERIFY(train(w, smallConfig(1)));
        QVERIFY(train(w, smallConfig(2, 9)));
        w.applyConfig(smallConfig(3, 11)); // the hyperparameters as they are now, not a run's
        QVERIFY(w.saveProjectFile(project_));
    }

private slots:
    void initTestCase()
    {
        rnnwb::test::initGuiTest();
        QVERIFY(dir_.isValid());
    }

    void init()
    {
        data_ = dir_.filePath(QStringLiteral("passengers.csv"));
        project_ = dir_.filePath(QStringLiteral("session.rnnwb"));
        QFile::remove(data_);
        QVERIFY(QFile::copy(kAirline, data_));
        QFile::setPermissions(data_, QFile::ReadOwner | QFile::WriteOwner);
    }

    void reopenedProjectIsTheSameSession()
    {
        MainWindow saved;
        makeWindow(saved);
        saveTwoRunProject(saved);
        const nlohmann::json json = nlohmann::json::parse(readAll(project_).toStdString());
        QCOMPARE(json.at("format"), "rnn-workbench-project");
        QCOMPARE(json.at("dataset").at("sha256").get<std::string>(), saved.document()->source().sha256.toStdString());
        QCOMPARE(json.at("dataset").at("relative_path"), "passengers.csv");

        MainWindow opened;
        makeWindow(opened);
        QSignalSpy spy(&opened, &MainWindow::projectOpened);
        QVERIFY(opened.openProjectFile(project_));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.front().at(1).toString(), QString());
        QCOMPARE(opened.document()->filePath(), data_);
        QCOMPARE(opened.effectiveConfig(), saved.effectiveConfig());
        QCOMPARE(opened.effectiveConfig().epochs, 11);
        RunListModel* before = saved.resultsPanel()->runs();
        RunListModel* after = opened.resultsPanel()->runs();
        QCOMPARE(after->count(), 2);
        for (int row = 0; row < 2; ++row) {
            const RunOutcome& a = before->run(row).outcome;
            const RunOutcome& b = after->run(row).outcome;
            QCOMPARE(b.config, a.config);
            QCOMPARE(b.trainLoss, a.trainLoss);
            QCOMPARE(b.validationLoss, a.validationLoss);
            QCOMPARE(b.stop, a.stop);
            QCOMPARE(b.trainSeconds, a.trainSeconds);
            QCOMPARE(b.train.prediction.predicted, a.train.prediction.predicted);
            QCOMPARE(b.validation.prediction.predicted, a.validation.prediction.predicted);
            QCOMPARE(b.test.prediction.predicted, a.test.prediction.predicted);
            QCOMPARE(b.test.metrics.rmse, a.test.metrics.rmse);
            QCOMPARE(b.model.parameters, a.model.parameters);
            QCOMPARE(after->run(row).dataLabel, before->run(row).dataLabel);
        }
        // The shown run's curve is on the loss chart.
        QCOMPARE(opened.resultsPanel()->shownRun()->outcome.trainLoss.size(), std::size_t(9));
        QCOMPARE(opened.trainingPanel()->lossChart()->trainGraph()->dataCount(), 9);

        // The reopened run, trained again on the same file, gives its curve back bit for bit.
        QSignalSpy verified(&opened, &MainWindow::verificationDone);
        QVERIFY(opened.rerunAndVerify());
        QVERIFY(verified.wait(60000));
        QVERIFY2(verified.front().at(0).toBool(), qPrintable(verified.front().at(1).toString()));
    }

    void changedDatasetIsDetected()
    {
        MainWindow saved;
        makeWindow(saved);
        saveTwoRunProject(saved);
        QByteArray bytes = readAll(data_);
        bytes.replace("1949-01,112", "1949-01,113");
        QVERIFY(writeAll(data_, bytes));

        MainWindow opened;
        makeWindow(opened);
        QSignalSpy spy(&opened, &MainWindow::projectOpened);
        QVERIFY(opened.openProjectFile(project_));
        const QString warning = spy.front().at(1).toString();
        QVERIFY2(warning.contains(u"passengers.csv") && warning.contains(u"changed") && warning.contains(u"SHA-256"),
                 qPrintable(warning));
        QCOMPARE(opened.resultsPanel()->runs()->count(), 2); // evaluated on the file as it is now

        // Re-run and Verify on the changed data: the curve is not the same.
        QSignalSpy verified(&opened, &MainWindow::verificationDone);
        QVERIFY(opened.rerunAndVerify());
        QVERIFY(verified.wait(60000));
        QCOMPARE(verified.front().at(0).toBool(), false);
        QVERIFY(verified.front().at(1).toString().contains(u"differ"));
    }

    void missingDatasetIsSaid()
    {
        MainWindow saved;
        makeWindow(saved);
        saveTwoRunProject(saved);
        QVERIFY(QFile::remove(data_));
        MainWindow opened;
        makeWindow(opened);
        QSignalSpy spy(&opened, &MainWindow::projectOpened);
        QVERIFY(opened.openProjectFile(project_));
        const QString warning = spy.front().at(1).toString();
        QVERIFY2(warning.contains(u"passengers.csv") && warning.contains(u"missing"), qPrintable(warning));
        QCOMPARE(opened.effectiveConfig().epochs, 11); // the hyperparameters still come back
        QCOMPARE(opened.resultsPanel()->runs()->count(), 0);
    }

    // A project moved together with its data finds it through its relative path.
    void movedProjectFindsItsData()
    {
        MainWindow saved;
        makeWindow(saved);
        saveTwoRunProject(saved);
        QTemporaryDir moved;
        QVERIFY(QFile::rename(data_, moved.filePath(QStringLiteral("passengers.csv"))));
        QVERIFY(QFile::copy(project_, moved.filePath(QStringLiteral("session.rnnwb"))));
        MainWindow opened;
        makeWindow(opened);
        QSignalSpy spy(&opened, &MainWindow::projectOpened);
        QVERIFY(opened.openProjectFile(moved.filePath(QStringLiteral("session.rnnwb"))));
        QCOMPARE(spy.front().at(1).toString(), QString());
        QCOMPARE(opened.resultsPanel()->runs()->count(), 2);
    }

    void foreignFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QImage image(4, 4, QImage::Format_RGB32);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        QTest::newRow("a PNG renamed .rnnwb") << png << QStringLiteral("not an RNN Workbench project");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("not an RNN Workbench project");
        QTest::newRow("other JSON") << QByteArray(R"({"name": "something else"})")
                                    << QStringLiteral("not an RNN Workbench project");
        QTest::newRow("newer version") << QByteArray(R"({"format": "rnn-workbench-project", "version": 9})")
                                       << QStringLiteral("version 9");
        QTest::newRow("no dataset") << QByteArray(R"({"format": "rnn-workbench-project", "version": 1})")
                                    << QStringLiteral("dataset");
        QTest::newRow("truncated") << QByteArray() << QStringLiteral("not an RNN Workbench project");
        QTest::newRow("damaged weights") << QByteArray() << QStringLiteral("run 1");
        QTest::newRow("bad hyperparameter") << QByteArray() << QStringLiteral("hidden");
    }

    void foreignFilesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        if (bytes.isEmpty() && tag != u"empty file") { // damage a real project
            MainWindow saved;
            makeWindow(saved);
            QVERIFY(saved.openDataFile(data_));
            QVERIFY(train(saved, smallConfig(1, 2)));
            QVERIFY(saved.saveProjectFile(project_));
            bytes = readAll(project_);
            if (tag == u"truncated")
                bytes.chop(bytes.size() / 3);
            nlohmann::json j = nlohmann::json::parse(bytes.toStdString(), nullptr, false);
            if (tag == u"damaged weights")
                j["runs"][0]["model"]["parameters"] = "AAAA";
            if (tag == u"bad hyperparameter")
                j["config"]["hidden"] = 0;
            if (tag != u"truncated")
                bytes = QByteArray::fromStdString(j.dump());
        }
        const QString file = dir_.filePath(QStringLiteral("foreign.rnnwb"));
        QVERIFY(writeAll(file, bytes));
        MainWindow w;
        makeWindow(w);
        const TrainConfig before = w.effectiveConfig();
        QSignalSpy errors(&w, &MainWindow::errorOccurred);
        QVERIFY(!w.openProjectFile(file));
        QCOMPARE(errors.size(), 1);
        const QString message = errors.front().front().toString();
        QVERIFY2(message.contains(u"foreign.rnnwb") && message.contains(reason), qPrintable(message));
        QCOMPARE(w.effectiveConfig(), before); // nothing of the session changed
        QCOMPARE(w.resultsPanel()->runs()->count(), 0);
    }

    // Training is bit-deterministic for a seed: the seed recipe trained again gives the same
    // loss curve, epoch for epoch.
    void rerunAndVerifyConfirmsIdentity()
    {
        MainWindow w;
        makeWindow(w);
        QVERIFY(w.openDataFile(data_));
        TrainConfig seed; // the seed recipe, few epochs
        seed.epochs = 15;
        QVERIFY(train(w, seed));
        const std::vector<double> curve = w.resultsPanel()->shownRun()->outcome.trainLoss;
        w.applyConfig(smallConfig(9)); // the panel's settings do not matter: the run's do
        QSignalSpy verified(&w, &MainWindow::verificationDone);
        QVERIFY(w.actions().rerunVerify->isEnabled());
        w.actions().rerunVerify->trigger();
        QVERIFY(verified.wait(60000));
        QVERIFY2(verified.front().at(0).toBool(), qPrintable(verified.front().at(1).toString()));
        QVERIFY(verified.front().at(1).toString().contains(u"identical"));
        QCOMPARE(w.resultsPanel()->runs()->count(), 2);
        QCOMPARE(w.resultsPanel()->shownRun()->outcome.trainLoss, curve);
        QCOMPARE(w.resultsPanel()->shownRun()->outcome.config, seed);
    }
};

QTEST_MAIN(TestAppProject)
#include "test_app_project.moc"
