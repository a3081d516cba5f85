// GUI tests of the teaching views as a student uses them: the architecture follows the
// hyperparameters; clicking a predicted point of the Results chart selects that sample in the
// inside view, whose heatmaps have window × hidden cells per layer; Step refreshes every view;
// the cell comparison shows the plain RNN's gradient fading where the LSTM's does not.
#include "app/charts/series_plot.h"
#include "app/panels/hyper_panel.h"
#include "app/panels/results_panel.h"
#include "app/session/cell_comparison.h"
#include "app/shell/main_window.h"
#include "app/teaching/architecture_view.h"
#include "app/teaching/cell_view.h"
#include "app/teaching/gradient_flow_chart.h"
#include "app/teaching/inside_view.h"
#include "app/teaching/parameter_histograms.h"
#include "app/teaching/teaching_panel.h"
#include "app_test_support.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

using namespace rnnwb;
using namespace rnnwb::app;

using rnnwb::test::showActive;

namespace {

const QString kAirline = QStringLiteral(RNNWB_APP_DATA "/airline-passengers.csv");

QAbstractSpinBox* spin(MainWindow& w, const char* option)
{
    return qobject_cast<QAbstractSpinBox*>(w.hyperPanel()->field(QString::fromLatin1(option)));
}

void showTeaching(MainWindow& w)
{
    w.actions().focusTeaching->trigger();
    w.teachingPanel()->waitForSnapshot();
}

// A small sequence-layout configuration: its inside view has window × hidden cells per layer.
TrainConfig sequenceConfig()
{
    TrainConfig config;
    config.layout = Layout::Sequence;
    config.window = 6;
    config.hidden = 8;
    config.layers = 2;
    config.epochs = 15;
    config.batch = 16;
    return config;
}

RunRecord trainInWindow(MainWindow& w, const TrainConfig& config)
{
    w.applyConfig(config);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    if (!w.startTraining())
        qFatal("training did not start");
    if (!finished.wait(120000))
        qFatal("training did not finish");
    return finished.front().front().value<RunRecord>();
}

// The index of the series value whose x is `x` (the chart's keys are the series' x values).
std::size_t indexOfX(const TimedSeries& series, double x)
{
    return std::size_t(std::find(series.x.begin(), series.x.end(), x) - series.x.begin());
}

} // namespace

class TestAppTeaching : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { rnnwb::test::initGuiTest(); }

    // The proof of part 1: changing the hidden size redraws the architecture with the new shapes.
    void architectureFollowsTheHyperparameters()
    {
        MainWindow w;
        w.setPersistent(false);
        QVERIFY(showActive(w));
        rnnwb::test::typeInto(spin(w, "hidden"), QStringLiteral("45"));
        const QStringList before = w.teachingPanel()->architectureView()->arrowLabels();
        QVERIFY(before.join(u' ').contains(QStringLiteral("45")));
        rnnwb::test::typeInto(spin(w, "hidden"), QStringLiteral("64"));
        const QStringList after = w.teachingPanel()->architectureView()->arrowLabels();
        QVERIFY(after != before);
        // An LSTM's U has 4H rows: 4 × 64 = 256.
        QVERIFY2(after.join(u' ').contains(QStringLiteral("256")), qPrintable(after.join(u'|')));
        QVERIFY(!after.join(u' ').contains(QStringLiteral("180")));
    }

    // The proof of part 3: a click on a predicted point selects that sample; the heatmaps have
    // window × hidden cells per layer, holding the inspection's numbers.
    void clickingAPredictionSelectsItsSample()
    {
        MainWindow w;
        w.setPersistent(false);
        QVERIFY(showActive(w));
        const TrainConfig config = sequenceConfig();
        const RunRecord run = trainInWindow(w, config);
        w.actions().focusResults->trigger();
        QCustomPlot* plot = w.resultsPanel()->overlay()->plot();
        plot->replot();
        const QCPGraph* test = w.resultsPanel()->overlay()->predictionGraph(Part::Test);
        QVERIFY(test->dataCount() > 10);
        const auto point = test->data()->at(5);
        const QPoint pixel(int(plot->xAxis->coordToPixel(point->key)), int(plot->yAxis->coordToPixel(point->value)));
        QTest::mouseClick(plot, Qt::LeftButton, {}, pixel);
        const std::size_t expected = indexOfX(*run.series, point->key);
        QVERIFY(expected < std::size_t(run.series->x.size()));

        showTeaching(w);
        TeachingPanel* panel = w.teachingPanel();
        QCOMPARE(panel->selectedTarget(), std::optional<std::size_t>(expected));
        const Inspection& in = *panel->snapshot().inspection;
        QCOMPARE(in.part, Part::Test);
        QCOMPARE(in.prediction, point->value); // the clicked point is this prediction

        InsideView* inside = panel->insideView();
        QCOMPARE(inside->layerCount(), config.layers);
        QCOMPARE(inside->stepCount(), config.window);
        QCOMPARE(inside->unitCount(), config.hidden);
        for (int layer = 0; layer < config.layers; ++layer)
            for (const std::string& name : stepValueNames(CellType::Lstm)) {
                QCPColorMap* map = inside->map(layer, QString::fromStdString(name));
                QVERIFY2(map, name.c_str());
                QCOMPARE(map->data()->keySize(), config.window);
                QCOMPARE(map->data()->valueSize(), config.hidden);
                const double value = in.layers[std::size_t(layer)].steps[2].values.at(name)[3];
                QCOMPARE(map->data()->cell(2, 3), value);
            }

        // A column of the heatmaps (or the slider) drives the cell view.
        QSignalSpy stepped(inside, &InsideView::stepSelected);
        inside->selectStep(1);
        QCOMPARE(inside->selectedStep(), 1);
        QVERIFY(!panel->cellView()->valueText(QStringLiteral("f")).isEmpty());
    }

    // Part 5: each Step trains one epoch and refreshes the views with the new weights.
    void stepRefreshesEveryView()
    {
        MainWindow w;
        w.setPersistent(false);
        QVERIFY(showActive(w));
        TrainConfig config = sequenceConfig();
        config.epochs = 50;
        w.applyConfig(config);
        w.actions().focusTeaching->trigger();
        TeachingPanel* panel = w.teachingPanel();
        QSignalSpy shown(panel, &TeachingPanel::snapshotShown);
        QVERIFY(w.startTraining(true));
        QVERIFY(shown.wait(60000));
        QCOMPARE(w.findChild<QTabWidget*>(QStringLiteral("centralTabs"))->currentWidget(), panel); // Step stays here
        panel->waitForSnapshot();
        const Vec<float> first = panel->snapshot().model->parameters;
        const double firstPrediction = panel->snapshot().inspection->prediction;
        QVERIFY(panel->histograms()->binTotal() > 0);

        shown.clear();
        w.actions().step->trigger();
        QVERIFY(shown.wait(60000));
        panel->waitForSnapshot();
        const Vec<float> second = panel->snapshot().model->parameters;
        QCOMPARE(second.size(), first.size());
        QVERIFY(second != first); // one more epoch moved the weights
        QVERIFY(panel->snapshot().inspection->prediction != firstPrediction);
        QVERIFY(panel->snapshot().source.contains(QStringLiteral("2")));
        w.actions().stop->trigger();
    }

    // Part 4: the one-click comparison; the RNN's gradient at the oldest step is a far smaller
    // share of its last step's than the LSTM's.
    void comparingCellsShowsTheVanishingGradient()
    {
        MainWindow w;
        w.setPersistent(false);
        QVERIFY(showActive(w));
        w.actions().focusTeaching->trigger();
        TeachingPanel* panel = w.teachingPanel();
        QSignalSpy done(panel->comparison(), &CellComparison::finished);
        QTest::mouseClick(panel->compareButton(), Qt::LeftButton);
        QVERIFY(done.wait(300000));
        const auto results = done.front().front().value<QList<CellComparisonResult>>();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results[0].cell, CellType::Rnn);
        QCOMPARE(results[2].cell, CellType::Lstm);
        const auto share
            = [](const CellComparisonResult& r) { return r.topLayerNorms.front() / r.topLayerNorms.back(); };
        for (const auto& r : results)
            QCOMPARE(int(r.topLayerNorms.size()), CellComparison::comparisonConfig({}).window);
        qInfo("oldest/last gradient: RNN %.3g, GRU %.3g, LSTM %.3g; train loss RNN %.4g, LSTM %.4g", share(results[0]),
              share(results[1]), share(results[2]), results[0].finalTrainLoss, results[2].finalTrainLoss);
        QVERIFY(share(results[0]) * 10 < share(results[2]));
        QVERIFY(results[2].finalTrainLoss < results[0].finalTrainLoss);
        QCOMPARE(panel->comparisonChart()->graphCount(), 3);
    }
};

QTEST_MAIN(TestAppTeaching)
#include "test_app_teaching.moc"
