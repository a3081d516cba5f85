// The hyperparameter sweep (value lists, their product, runs in parallel, Stop) and the
// rolling-origin backtest dialog, driven as a user would: type the lists, click Start or Run,
// wait for the signals, and compare with the core's own single runs.
#include "app/session/run_list_model.h"
#include "app/session/run_sort_proxy.h"
#include "app/session/sweep_plan.h"
#include "app/session/sweep_runner.h"
#include "app/shell/backtest_dialog.h"
#include "app/shell/sweep_dialog.h"
#include "app_test_support.h"
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/training/report.h"
#include "core/training/trainer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

#include <algorithm>

using namespace rnnwb;
using namespace rnnwb::app;
using namespace Qt::StringLiterals;

namespace {

RunRequest airlineRequest(const TrainConfig& config)
{
    const CsvTable table = readCsvFile(RNNWB_APP_DATA "/airline-passengers.csv");
    const Series series = extractSeries(table, defaultColumn(table));
    return {config, series.values, series.line, series.name, "airline-passengers.csv"};
}

// A few quick epochs of a small network.
TrainConfig quickConfig()
{
    TrainConfig c;
    c.hidden = 4;
    c.layers = 1;
    c.epochs = 4;
    return c;
}

// A configuration that trains for minutes unless stopped, and cannot end by itself in the first
// seconds either: the default learning rate (0.01) drives the airline loss to ~1e-6 and then
// over 100 times that (a divergence stop) after about 1000 epochs, under 300 ms with the AVX-512
// kernels. Measured with this one: the first divergence of seeds 1–8 after 2207 epochs (about 5 s;
// 300 ms is some 130 epochs).
TrainConfig longConfig()
{
    TrainConfig c;
    c.hidden = 128;
    c.layers = 2;
    c.learningRate = 0.001;
    c.epochs = 1000000;
    return c;
}

// The same configuration trained alone, as `rnnwb train` would.
RunOutcome singleRun(const RunRequest& data, const TrainConfig& config)
{
    Trainer trainer(Dataset::prepare(data.values, config), config, data.columnName);
    trainer.run();
    return summarizeRun(trainer, data.dataFile);
}

void choose(QComboBox* combo, const char* option)
{
    const int index = combo->findData(QString::fromLatin1(option));
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

} // namespace

class TestAppSweep : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { rnnwb::test::quietOffscreenWarnings(); }

    void valueListsParse_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("values"); // empty: refused
        QTest::addColumn<QString>("error");
        QTest::newRow("commas") << u"hidden"_s << u"16, 32, 64"_s << QStringList{u"16"_s, u"32"_s, u"64"_s}
                                << QString();
        QTest::newRow("spaces") << u"lr"_s << u"0.01 0.001"_s << QStringList{u"0.01"_s, u"0.001"_s} << QString();
        QTest::newRow("semicolons and names")
            << u"cell"_s << u" lstm;gru , rnn "_s << QStringList{u"lstm"_s, u"gru"_s, u"rnn"_s} << QString();
        QTest::newRow("one value") << u"epochs"_s << u"30"_s << QStringList{u"30"_s} << QString();
        QTest::newRow("empty") << u"hidden"_s << u" , "_s << QStringList{} << u"hidden size: no values"_s;
        QTest::newRow("not a number") << u"hidden"_s << u"16, lots"_s << QStringList{}
                                      << u"hidden size: --hidden expects a number, not 'lots'"_s;
        QTest::newRow("out of range") << u"layers"_s << u"1 17"_s << QStringList{} << u"layers 17: --layers 17"_s;
        QTest::newRow("learning rate 0") << u"lr"_s << u"0.1 0"_s << QStringList{} << u"learning rate 0: --lr"_s;
        QTest::newRow("unknown cell") << u"cell"_s << u"lstm tcn"_s << QStringList{} << u"unknown cell 'tcn'"_s;
        QTest::newRow("listed twice") << u"hidden"_s << u"16 32 016"_s << QStringList{} << u"016 is listed twice"_s;
        QTest::newRow("batch in the features layout")
            << u"batch"_s << u"8"_s << QStringList{} << u"--batch needs the sequence layout"_s;
    }

    void valueListsParse()
    {
        QFETCH(QString, option);
        QFETCH(QString, text);
        QFETCH(QStringList, values);
        QFETCH(QString, error);
        try {
            const SweepAxis axis = parseSweepAxis(option.toStdString(), text.toStdString(), TrainConfig{});
            QVERIFY2(error.isEmpty(), "a bad list was accepted");
            QStringList parsed;
            for (const std::string& v : axis.values)
                parsed << QString::fromStdString(v);
            QCOMPARE(parsed, values);
        } catch (const SweepError& e) {
            QVERIFY2(!error.isEmpty(), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).contains(error), e.what());
        }
    }

    void productAppliesEveryCombination()
    {
        const TrainConfig base;
        const std::vector<SweepRun> runs
            = sweepRuns(base, {parseSweepAxis("hidden", "8 16", base), parseSweepAxis("lr", "0.01, 0.1", base)});
        QCOMPARE(int(runs.size()), 4);
        const std::pair<int, double> expected[] = {{8, 0.01}, {8, 0.1}, {16, 0.01}, {16, 0.1}};
        for (std::size_t k = 0; k < 4; ++k) {
            QCOMPARE(runs[k].config.hidden, expected[k].first);
            QCOMPARE(runs[k].config.learningRate, expected[k].second);
            TrainConfig others = runs[k].config; // nothing else changed
            others.hidden = base.hidden;
            others.learningRate = base.learningRate;
            QVERIFY(others == base);
        }
        QCOMPARE(QString::fromStdString(runs[1].label), u"hidden 8, lr 0.1"_s);
        // a combination can be invalid though each value is fine on its own
        TrainConfig sequence;
        sequence.layout = Layout::Sequence;
        const std::vector<SweepAxis> mixed
            = {parseSweepAxis("layout", "sequence features", sequence), parseSweepAxis("batch", "0 8", sequence)};
        try {
            sweepRuns(sequence, mixed);
            QFAIL("features layout with batch 8 was accepted");
        } catch (const SweepError& e) {
            QVERIFY2(QByteArray(e.what()).contains("the run with layout features, batch 8: --batch needs"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(
            SweepError, sweepRuns(base, {parseSweepAxis("hidden", "8 16", base), parseSweepAxis("hidden", "4", base)}));
        std::string many;
        for (int h = 1; h <= 15; ++h)
            many += std::to_string(h) + " ";
        QVERIFY_THROWS_EXCEPTION(
            SweepError, sweepRuns(base, {parseSweepAxis("hidden", many, base), parseSweepAxis("epochs", many, base)}));
    }

    // The proof: a 2 × 2 sweep gives 4 runs, the product of the lists, each with exactly
    // the losses of the same configuration trained alone.
    void twoByTwoSweepEqualsSingleRuns()
    {
        const RunRequest data = airlineRequest(quickConfig());
        const TrainConfig& base = data.config;
        const std::vector<SweepRun> runs
            = sweepRuns(base, {parseSweepAxis("hidden", "3 5", base), parseSweepAxis("cell", "lstm gru", base)});
        SweepRunner runner;
        runner.setRunContext(u"airline"_s, nullptr);
        QSignalSpy finished(&runner, &SweepRunner::runFinished);
        QSignalSpy progress(&runner, &SweepRunner::progress);
        QSignalSpy all(&runner, &SweepRunner::allFinished);
        runner.start(data, runs);
        QVERIFY(runner.running());
        QVERIFY(all.wait(120000));
        QCOMPARE(finished.count(), 4);
        QCOMPARE(progress.last(), (QList<QVariant>{4, 4}));
        QVERIFY(!runner.running());
        std::vector<bool> seen(runs.size(), false);
        for (const QList<QVariant>& signal : finished) {
            const RunRecord record = signal[0].value<RunRecord>();
            QCOMPARE(record.dataLabel, u"airline"_s);
            const auto run = std::find_if(runs.begin(), runs.end(),
                                          [&](const SweepRun& r) { return r.config == record.outcome.config; });
            QVERIFY(run != runs.end());
            QVERIFY(!seen[std::size_t(run - runs.begin())]); // each combination once
            seen[std::size_t(run - runs.begin())] = true;
            const RunOutcome alone = singleRun(data, run->config);
            QCOMPARE(record.outcome.trainLoss, alone.trainLoss);
            QCOMPARE(record.outcome.test.metrics.rmse, alone.test.metrics.rmse);
            QCOMPARE(record.split.test, alone.test.prediction.index.size());
        }
    }

    // Stop ends the runs in flight after their current step and drops the queued ones.
    void stopEndsEveryRunPromptly()
    {
        const RunRequest data = airlineRequest(longConfig());
        const std::vector<SweepRun> runs
            = sweepRuns(data.config, {parseSweepAxis("seed", "1 2 3 4 5 6 7 8", data.config)});
        SweepRunner runner;
        runner.setMaxParallel(2);
        QSignalSpy finished(&runner, &SweepRunner::runFinished);
        QSignalSpy all(&runner, &SweepRunner::allFinished);
        runner.start(data, runs);
        QTest::qWait(300);
        QVERIFY(finished.isEmpty());
        QElapsedTimer latency;
        latency.start();
        runner.stop();
        QVERIFY(all.wait(30000)); // a hang, not a speed, would fail this
        qInfo("allFinished %lld ms after Stop", latency.elapsed());
        QCOMPARE(all.count(), 1);
        QVERIFY(!runner.running());
        // only the runs in flight (kept, as a stopped training is), never the queued ones
        QVERIFY2(finished.count() >= 1 && finished.count() <= 2, QByteArray::number(finished.count()).constData());
        QCOMPARE(runner.done(), int(finished.count()));
        for (const QList<QVariant>& signal : finished)
            QCOMPARE(signal[0].value<RunRecord>().outcome.stop, StopReason::Cancelled);
    }

    // A run whose settings do not fit the data fails alone, with the reason; the others train.
    void runThatCannotTrainIsReported()
    {
        const RunRequest data = airlineRequest(quickConfig());
        SweepRunner runner;
        QSignalSpy finished(&runner, &SweepRunner::runFinished);
        QSignalSpy failed(&runner, &SweepRunner::runFailed);
        QSignalSpy all(&runner, &SweepRunner::allFinished);
        runner.start(data, sweepRuns(data.config, {parseSweepAxis("window", "5 200", data.config)}));
        QVERIFY(all.wait(60000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed[0][0].toString(), u"window 200"_s);
        QVERIFY2(failed[0][1].toString().contains(u"a window of 200"_s), qPrintable(failed[0][1].toString()));
        QCOMPARE(runner.done(), 2);
    }

    void sweepDialogRunsTheTypedPlan()
    {
        const RunRequest data = airlineRequest(quickConfig());
        SweepDialog dialog(data, u"airline"_s, nullptr);
        dialog.show();
        auto* parameter1 = dialog.findChild<QComboBox*>(u"parameter1"_s);
        auto* parameter2 = dialog.findChild<QComboBox*>(u"parameter2"_s);
        auto* values1 = dialog.findChild<QLineEdit*>(u"values1"_s);
        auto* values2 = dialog.findChild<QLineEdit*>(u"values2"_s);
        auto* plan = dialog.findChild<QLabel*>(u"plan"_s);
        auto* start = dialog.findChild<QPushButton*>(u"start"_s);
        QVERIFY(parameter1 && parameter2 && values1 && values2 && plan && start);
        choose(parameter1, "window");
        QTest::keyClicks(values1, u"3, 0"_s);
        QVERIFY2(plan->text().startsWith(u"window 0: --window 0"_s), qPrintable(plan->text()));
        QVERIFY(!start->isEnabled());
        QCOMPARE(plan->styleSheet(), u"color: #c00000;"_s); // said in red
        values1->clear();
        QTest::keyClicks(values1, u"3, 4"_s);
        choose(parameter2, "epochs");
        QTest::keyClicks(values2, u"2 3"_s);
        QCOMPARE(plan->text(), u"4 run(s)"_s);
        QVERIFY(start->isEnabled());
        QSignalSpy finished(&dialog, &SweepDialog::runFinished);
        QSignalSpy all(dialog.runner(), &SweepRunner::allFinished);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(all.wait(120000));
        QCOMPARE(finished.count(), 4);
        QCOMPARE(dialog.findChild<QProgressBar*>(u"progress"_s)->value(), 4);
        QVERIFY2(plan->text().startsWith(u"Done"_s), qPrintable(plan->text()));
    }

    void sweepDialogStopButtonStopsEveryRun()
    {
        SweepDialog dialog(airlineRequest(longConfig()), u"airline"_s, nullptr);
        dialog.show();
        choose(dialog.findChild<QComboBox*>(u"parameter1"_s), "seed");
        QTest::keyClicks(dialog.findChild<QLineEdit*>(u"values1"_s), u"1 2 3 4 5 6"_s);
        auto* stop = dialog.findChild<QPushButton*>(u"stop"_s);
        QVERIFY(!stop->isEnabled());
        QSignalSpy all(dialog.runner(), &SweepRunner::allFinished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"start"_s), Qt::LeftButton);
        QVERIFY(stop->isEnabled());
        QVERIFY(!dialog.findChild<QLineEdit*>(u"values1"_s)->isEnabled()); // the plan is fixed while running
        QTest::qWait(200);
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(all.wait(30000));
        const QString plan = dialog.findChild<QLabel*>(u"plan"_s)->text();
        QVERIFY2(plan.startsWith(u"Stopped: "_s) && plan.endsWith(u" of 6 runs done."_s), qPrintable(plan));
        QVERIFY(!stop->isEnabled());
    }

    // The run list sorted by validation RMSE, numerically, runs without one last.
    void runsSortByValidationMetric()
    {
        RunListModel model;
        for (double rmse : {0.5, 12.0, 3.0, -1.0}) {
            RunRecord r;
            r.outcome.validation.metrics.count = rmse < 0 ? 0 : 10;
            r.outcome.validation.metrics.rmse = rmse;
            model.add(r);
        }
        RunSortProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(RunListModel::ValidationRmse, Qt::AscendingOrder);
        const auto column = [&] {
            QStringList texts;
            for (int row = 0; row < proxy.rowCount(); ++row)
                texts << proxy.index(row, RunListModel::ValidationRmse).data().toString();
            return texts;
        };
        QCOMPARE(column(), (QStringList{u"0.5"_s, u"3"_s, u"12"_s, QString()}));
        proxy.sort(RunListModel::ValidationRmse, Qt::DescendingOrder);
        QCOMPARE(column(), (QStringList{u"12"_s, u"3"_s, u"0.5"_s, QString()}));
    }

    // K = 3 without retraining: three origin rows, then the mean and the pooled rows, and the
    // numbers are the core's.
    void backtestDialogFillsItsTable()
    {
        TrainConfig c = quickConfig();
        c.epochs = 20;
        BacktestDialog dialog(airlineRequest(c));
        dialog.show();
        auto* origins = dialog.findChild<QSpinBox*>(u"origins"_s);
        auto* table = dialog.findChild<QTableWidget*>(u"table"_s);
        QVERIFY(origins && table);
        QCOMPARE(origins->maximum(), 42); // one target per origin at most
        origins->setValue(3);
        QSignalSpy done(&dialog, &BacktestDialog::backtestDone);
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"run"_s), Qt::LeftButton);
        QVERIFY(dialog.running());
        QVERIFY(done.wait(120000));
        QVERIFY(dialog.result().has_value());
        const BacktestResult& r = *dialog.result();
        QCOMPARE(int(r.perOrigin.size()), 3);
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->item(0, BacktestDialog::Index)->text(), u"102"_s);
        QCOMPARE(table->item(1, BacktestDialog::Index)->text(), u"116"_s);
        QCOMPARE(table->item(2, BacktestDialog::Targets)->text(), u"14"_s);
        QCOMPARE(table->item(3, BacktestDialog::Origin)->text(), u"mean"_s);
        QCOMPARE(table->item(4, BacktestDialog::Origin)->text(), u"pooled"_s);
        QCOMPARE(table->item(3, BacktestDialog::Rmse)->text(), QString::number(r.mean.rmse, 'g', 4));
        // without retraining the pooled measures are those of the run itself
        const RunOutcome run = singleRun(airlineRequest(c), c);
        QCOMPARE(r.pooled.rmse, run.test.metrics.rmse);
        QCOMPARE(table->item(4, BacktestDialog::Rmse)->text(), QString::number(run.test.metrics.rmse, 'g', 4));
    }

    void backtestDialogStops()
    {
        BacktestDialog dialog(airlineRequest(longConfig()));
        dialog.show();
        dialog.findChild<QSpinBox*>(u"origins"_s)->setValue(3);
        dialog.findChild<QCheckBox*>(u"retrain"_s)->setChecked(true);
        QSignalSpy done(&dialog, &BacktestDialog::backtestDone);
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"run"_s), Qt::LeftButton);
        QTest::qWait(200);
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"stop"_s), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QVERIFY(dialog.result()->cancelled);
        QCOMPARE(dialog.findChild<QTableWidget*>(u"table"_s)->rowCount(), 0);
        const QString status = dialog.findChild<QLabel*>(u"status"_s)->text();
        QVERIFY2(status.contains(u"Stopped after 0 of 3 origins"_s), qPrintable(status));
    }
};

QTEST_MAIN(TestAppSweep)
#include "test_app_sweep.moc"
