// The teaching views that look at numbers: the inside view (heatmaps of every gate
// and state of a real inspection, step selection, values on hover), the gradient-flow chart and
// the parameter histograms. Models are trained by the core on the airline data.
// tests/tools/teaching_grabs.cpp saves the same views as pictures.
#include "app/teaching/gradient_flow_chart.h"
#include "app/teaching/inside_view.h"
#include "app/teaching/parameter_histograms.h"
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/inspect/inspect.h"
#include "core/training/trainer.h"

#include "app_test_support.h"
#include "inside_views_support.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QStackedWidget>
#include <QtTest>

#include <cmath>
#include <limits>
#include <numeric>

using namespace rnnwb;
using namespace rnnwb::app;
using namespace Qt::StringLiterals;

using namespace rnnwb::test;

class InsideViewsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::initGuiTest(); }
    void mapsHoldEveryRecordedValue_data();
    void mapsHoldEveryRecordedValue();
    void colourScalesFitTheValues();
    void selectingAStepMovesTheMarkerAndSignals();
    void clickingAColumnSelectsItsStep();
    void hoverNamesStepUnitAndValue();
    void aNewInspectionKeepsTheUsersChoices();
    void longFeatureSequencesShowTheirLastSteps();
    void oneStepAndOneUnitStillShow();
    void clearShowsThePlaceholder();
    void histogramCountsEveryValue();
    void histogramBinsFollowTheRules();
    void histogramChoiceSurvivesNewModels();
    void gradientChartSkipsWhatALogAxisCannotShow();
    void comparisonDividesByTheLastStep();
};

void InsideViewsTest::mapsHoldEveryRecordedValue_data()
{
    QTest::addColumn<QString>("cellName");
    QTest::addColumn<QString>("layoutName");
    for (const char* cell : {"lstm", "gru", "rnn"})
        for (const char* layout : {"sequence", "features"})
            QTest::addRow("%s-%s", cell, layout) << QString::fromLatin1(cell) << QString::fromLatin1(layout);
}

void InsideViewsTest::mapsHoldEveryRecordedValue()
{
    QFETCH(QString, cellName);
    QFETCH(QString, layoutName);
    const CellType cell = parseCellType(cellName.toStdString());
    const Layout layout = parseLayout(layoutName.toStdString());
    const auto trainer = trained(tinyConfig(cell, layout));
    const Inspection inspection = inspectLast(*trainer);
    InsideView view;
    view.setInspection(inspection);

    const int steps = int(inspection.layers[0].steps.size());
    QCOMPARE(view.layerCount(), 2);
    QCOMPARE(view.stepCount(), steps);
    QCOMPARE(view.unitCount(), 6);
    if (layout == Layout::Sequence)
        QCOMPARE(steps, 5); // the window
    for (int l = 0; l < 2; ++l) {
        for (const std::string& name : stepValueNames(cell)) {
            const QCPColorMap* map = view.map(l, QString::fromStdString(name));
            QVERIFY2(map, name.c_str());
            QCOMPARE(map->data()->keySize(), steps);
            QCOMPARE(map->data()->valueSize(), 6);
            for (int t = 0; t < steps; ++t) {
                const std::vector<double>& want
                    = inspection.layers[std::size_t(l)].steps[std::size_t(t)].values.at(name);
                for (int u = 0; u < 6; ++u) {
                    QCOMPARE(map->data()->cell(t, u), want[std::size_t(u)]);
                    QCOMPARE(map->data()->data(t + 1, u + 1), want[std::size_t(u)]); // drawn at (t, u), 1-based
                }
            }
        }
    }
    QVERIFY(!view.map(0, u"x"_s));
    QVERIFY(!view.map(2, u"h"_s));
    QCOMPARE(view.selectedStep(), steps - 1); // the prediction's step
}

void InsideViewsTest::colourScalesFitTheValues()
{
    const auto trainer = trained(tinyConfig(CellType::Lstm, Layout::Sequence));
    const Inspection inspection = inspectLast(*trainer);
    InsideView view;
    view.setInspection(inspection);
    for (const QString& gate : {u"i"_s, u"f"_s, u"o"_s})
        QCOMPARE(view.map(0, gate)->dataRange(), QCPRange(0.0, 1.0));
    for (const QString& tanhValue : {u"g"_s, u"h"_s})
        QCOMPARE(view.map(1, tanhValue)->dataRange(), QCPRange(-1.0, 1.0));
    double largest = 0.0;
    for (const StepState& s : inspection.layers[1].steps)
        for (double c : s.values.at("c"))
            largest = std::max(largest, std::abs(c));
    QCOMPARE(view.map(1, u"c"_s)->dataRange(), QCPRange(-largest, largest));
    QCOMPARE(view.map(0, u"f"_s)->name(), u"forget gate f"_s);
}

void InsideViewsTest::selectingAStepMovesTheMarkerAndSignals()
{
    const auto trainer = trained(tinyConfig(CellType::Gru, Layout::Sequence));
    InsideView view;
    view.setInspection(inspectLast(*trainer));
    QSignalSpy selected(&view, &InsideView::stepSelected);
    view.selectStep(1);
    QCOMPARE(view.selectedStep(), 1);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.takeFirst(), QVariantList({0, 1}));
    for (int l = 0; l < 2; ++l) {
        for (const QString& name : {u"r"_s, u"z"_s, u"n"_s, u"h"_s}) {
            const QCPItemRect* marker = view.stepMarker(l, name);
            QCOMPARE(marker->topLeft->coords().x(), 1.5); // the column of t = 2
            QCOMPARE(marker->bottomRight->coords().x(), 2.5);
        }
    }
    auto* slider = view.findChild<QSlider*>(u"insideStepSlider"_s);
    QCOMPARE(slider->value(), 1);
    QCOMPARE(slider->minimum(), 0);
    QCOMPARE(slider->maximum(), 4);
    slider->setValue(3);
    QCOMPARE(view.selectedStep(), 3);
    QCOMPARE(selected.takeFirst(), QVariantList({0, 3}));
    view.selectStep(3); // no change, no signal
    QCOMPARE(selected.count(), 0);
    view.selectStep(99); // clamped to the last step
    QCOMPARE(view.selectedStep(), 4);
    QCOMPARE(view.findChild<QLabel*>(u"insideStepLabel"_s)->text(), u"step 5 of 5 (the prediction)"_s);
    view.findChild<QComboBox*>(u"insideLayerCombo"_s)->setCurrentIndex(1);
    QCOMPARE(selected.last(), QVariantList({1, 4}));
}

void InsideViewsTest::clickingAColumnSelectsItsStep()
{
    const auto trainer = trained(tinyConfig(CellType::Lstm, Layout::Sequence));
    InsideView view;
    view.setInspection(inspectLast(*trainer));
    QVERIFY(showAt800x450(view));
    QSignalSpy selected(&view, &InsideView::stepSelected);
    QCPColorMap* map = view.map(0, u"o"_s);
    QTest::mouseClick(map->parentPlot(), Qt::LeftButton, {}, cellCentre(map, 2, 4));
    QCOMPARE(view.selectedStep(), 2);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.takeFirst(), QVariantList({0, 2}));
    QCOMPARE(view.stepMarker(0, u"h"_s)->topLeft->coords().x(), 2.5);
    // A click outside every map leaves the selection alone.
    QTest::mouseClick(map->parentPlot(), Qt::LeftButton, {}, QPoint(1, 1));
    QCOMPARE(view.selectedStep(), 2);
}

void InsideViewsTest::hoverNamesStepUnitAndValue()
{
    const auto trainer = trained(tinyConfig(CellType::Lstm, Layout::Sequence));
    const Inspection inspection = inspectLast(*trainer);
    InsideView view;
    view.setInspection(inspection);
    QVERIFY(showAt800x450(view));
    QCPColorMap* map = view.map(0, u"c"_s);
    QTest::mouseMove(map->parentPlot(), cellCentre(map, 1, 3));
    const double c = inspection.layers[0].steps[1].values.at("c")[3];
    QTRY_VERIFY(view.hoverText().contains(u"step 2, unit 4: "_s));
    QVERIFY2(view.hoverText().startsWith(u"cell state c"_s), qPrintable(view.hoverText()));
    QVERIFY2(view.hoverText().endsWith(view.locale().toString(c, 'f', 4)), qPrintable(view.hoverText()));
    QCOMPARE(map->parentPlot()->toolTip(), view.hoverText());
}

void InsideViewsTest::aNewInspectionKeepsTheUsersChoices()
{
    TrainConfig config = tinyConfig(CellType::Lstm, Layout::Sequence);
    Trainer trainer(Dataset::prepare(airlineValues(), config), config, "Passengers");
    trainer.runEpoch();
    InsideView view;
    view.setInspection(inspectLast(trainer));
    view.setCurrentLayer(1);
    view.selectStep(2);
    trainer.runEpoch();
    const Inspection later = inspectLast(trainer);
    view.setInspection(later);
    QCOMPARE(view.currentLayer(), 1);
    QCOMPARE(view.selectedStep(), 2);
    QCOMPARE(view.map(1, u"h"_s)->data()->cell(2, 0), later.layers[1].steps[2].values.at("h")[0]);
    // A view that showed the prediction's step keeps following it.
    view.selectStep(4);
    view.setInspection(inspectLast(trainer));
    QCOMPARE(view.selectedStep(), 4);
    // Another target in the features layout has another number of steps: its last is selected.
    const auto features = trained(tinyConfig(CellType::Lstm, Layout::Features));
    const std::size_t last = inspectableTargets(features->data()).last;
    view.setInspection(inspectTarget(features->model(), features->data(), last));
    view.selectStep(3);
    view.setInspection(inspectTarget(features->model(), features->data(), last - 1));
    QCOMPARE(view.selectedStep(), view.totalSteps() - 1);
    QCOMPARE(view.currentLayer(), 1);
    // A wider model: the maps grow to its units.
    const auto wider = trained(tinyConfig(CellType::Lstm, Layout::Sequence, 10));
    const Inspection wide = inspectLast(*wider);
    view.setInspection(wide);
    QCOMPARE(view.unitCount(), 10);
    QCOMPARE(view.map(1, u"o"_s)->data()->valueSize(), 10);
    QCOMPARE(view.map(1, u"o"_s)->data()->cell(4, 9), wide.layers[1].steps[4].values.at("o")[9]);
    QCOMPARE(view.map(1, u"o"_s)->valueAxis()->range(), QCPRange(0.5, 10.5));
}

// The features layout runs a whole part as one sequence: only its last 200 steps are drawn.
void InsideViewsTest::longFeatureSequencesShowTheirLastSteps()
{
    std::vector<double> values(700);
    for (std::size_t k = 0; k < values.size(); ++k)
        values[k] = std::sin(0.3 * double(k)) + 0.001 * double(k);
    TrainConfig config = tinyConfig(CellType::Rnn, Layout::Features, 4, 1);
    config.epochs = 1;
    config.trainSplit = 0.9;
    const auto trainer = trained(config, values);
    // A target late in the training part: its steps are the part's windows up to it.
    const std::size_t target = inspectableTargets(trainer->data()).first + 400;
    const Inspection inspection = inspectTarget(trainer->model(), trainer->data(), target);
    const int total = int(inspection.layers[0].steps.size());
    QCOMPARE(total, 401);
    InsideView view;
    view.setInspection(inspection);
    QCOMPARE(view.stepCount(), InsideView::kMaxShownSteps);
    QCOMPARE(view.totalSteps(), total);
    QCOMPARE(view.firstShownStep(), total - InsideView::kMaxShownSteps);
    const QCPColorMap* h = view.map(0, u"h"_s);
    QCOMPARE(h->data()->keySize(), InsideView::kMaxShownSteps);
    QCOMPARE(h->data()->cell(0, 2), inspection.layers[0].steps[std::size_t(view.firstShownStep())].values.at("h")[2]);
    QCOMPARE(h->data()->cell(InsideView::kMaxShownSteps - 1, 3), inspection.layers[0].steps.back().values.at("h")[3]);
    QVERIFY2(h->keyAxis()->label().contains(u"last 200 of %1"_s.arg(total)), qPrintable(h->keyAxis()->label()));
    view.selectStep(0);
    QCOMPARE(view.selectedStep(), view.firstShownStep());
}

// QCPColorMap cannot draw a dimension of one cell: the view stores it twice, one cell wide.
void InsideViewsTest::oneStepAndOneUnitStillShow()
{
    TrainConfig config = tinyConfig(CellType::Lstm, Layout::Sequence, 1, 1);
    config.window = 1;
    const auto trainer = trained(config);
    const Inspection inspection = inspectLast(*trainer);
    InsideView view;
    view.setInspection(inspection);
    QCOMPARE(view.stepCount(), 1);
    QCOMPARE(view.unitCount(), 1);
    const QCPColorMap* c = view.map(0, u"c"_s);
    QCOMPARE(c->data()->data(1, 1), inspection.layers[0].steps[0].values.at("c")[0]);
    QCOMPARE(c->keyAxis()->range(), QCPRange(0.5, 1.5));
    QVERIFY(showAt800x450(view));
    QTest::mouseMove(c->parentPlot(), cellCentre(c, 0, 0));
    QTRY_VERIFY(view.hoverText().contains(u"step 1, unit 1: "_s));
}

void InsideViewsTest::clearShowsThePlaceholder()
{
    const auto trainer = trained(tinyConfig(CellType::Rnn, Layout::Sequence));
    InsideView view;
    auto* stack = view.findChild<QStackedWidget*>(u"insideMaps"_s);
    QCOMPARE(stack->currentWidget()->objectName(), u"insidePlaceholder"_s);
    view.setInspection(inspectLast(*trainer));
    QCOMPARE(stack->currentWidget(), view.map(0, u"h"_s)->parentPlot());
    view.clear();
    QCOMPARE(stack->currentWidget()->objectName(), u"insidePlaceholder"_s);
    QCOMPARE(view.layerCount(), 0);
    QVERIFY(!view.map(0, u"h"_s));
    view.selectStep(2); // nothing to select: no effect
    QCOMPARE(view.selectedStep(), -1);
    view.setExplanationVisible(false); // a panel that explains the view itself
    QVERIFY(view.findChild<QLabel*>(u"insideExplanation"_s)->isHidden());
}

void InsideViewsTest::histogramCountsEveryValue()
{
    const auto trainer = trained(tinyConfig(CellType::Lstm, Layout::Features, 8, 2));
    const Model model = trainer->model();
    ParameterHistograms histograms;
    histograms.setModel(model);
    auto* combo = histograms.findChild<QComboBox*>(u"parameterTensorCombo"_s);
    const std::vector<TensorSpec> layout = parameterLayout(model.shape);
    QCOMPARE(combo->count(), int(layout.size()));
    QCOMPARE(combo->itemText(1), u"lstm.weight_hh_l0  [32 × 8]"_s);
    for (int k = 0; k < combo->count(); ++k) {
        combo->setCurrentIndex(k);
        QCOMPARE(histograms.currentTensor(), QString::fromStdString(layout[std::size_t(k)].name));
        QCOMPARE(histograms.binTotal(), double(layout[std::size_t(k)].size));
        QVERIFY(histograms.binCount() >= 10 && histograms.binCount() <= 60);
    }
    histograms.selectTensor(u"lstm.bias_hh_l1"_s);
    const TensorSpec& spec = layout[7];
    QCOMPARE(spec.name, std::string("lstm.bias_hh_l1"));
    std::vector<double> values;
    for (std::size_t k = 0; k < spec.size; ++k)
        values.push_back(double(model.parameters[Eigen::Index(spec.offset + k)]));
    const TensorStats s = tensorStats(values);
    const QLocale l = histograms.locale();
    QVERIFY2(histograms.statsText().contains(u"mean "_s + l.toString(s.mean, 'g', 3)),
             qPrintable(histograms.statsText()));
    QVERIFY(histograms.statsText().contains(u"max "_s + l.toString(s.max, 'g', 3)));
    QVERIFY(s.min < s.max && s.std > 0);
}

void InsideViewsTest::histogramBinsFollowTheRules()
{
    // Freedman–Diaconis: 1000 even values on [0, 1) and two at −0.125 and 1.125: IQR ≈ 0.5,
    // width 2 · 0.5 / ∛1002 ≈ 0.0999, range 1.25: 13 bins.
    std::vector<double> uniform(1000);
    for (std::size_t k = 0; k < uniform.size(); ++k)
        uniform[k] = double(k) / 1000.0;
    uniform.push_back(-0.125);
    uniform.push_back(1.125);
    const Histogram h = parameterHistogram(uniform);
    QCOMPARE(int(h.counts.size()), 13);
    QCOMPARE(std::accumulate(h.counts.begin(), h.counts.end(), 0), 1002);
    QCOMPARE(h.start, -0.125);
    QCOMPARE(h.counts.front(), 1); // the outliers alone in the outer bins, 1.25 / 13 wide
    QCOMPARE(h.counts.back(), 1);
    // No spread between the quartiles: the √n rule, √900 = 30 bins.
    std::vector<double> peaked(700, 0.0);
    for (int k = 1; k <= 100; ++k) {
        peaked.push_back(-0.01 * k);
        peaked.push_back(0.01 * k);
    }
    QCOMPARE(int(parameterHistogram(peaked).counts.size()), 30);
    // Heavy tails ask for many bins: capped at 60.
    std::vector<double> tails(1000, 0.0);
    for (std::size_t k = 0; k < tails.size(); ++k)
        tails[k] = k % 2 ? 0.001 * double(k % 7) : -0.001 * double(k % 5);
    tails[0] = -1000.0;
    tails[1] = 1000.0;
    QCOMPARE(int(parameterHistogram(tails).counts.size()), 60);
    // One value (linear.bias): 10 bins, all of it in the middle one.
    const Histogram one = parameterHistogram({0.25});
    QCOMPARE(int(one.counts.size()), 10);
    QCOMPARE(one.counts[5], 1);
    QVERIFY(one.start < 0.25 && one.start + one.width * 10 > 0.25);
}

void InsideViewsTest::histogramChoiceSurvivesNewModels()
{
    TrainConfig config = tinyConfig(CellType::Gru, Layout::Sequence);
    Trainer trainer(Dataset::prepare(airlineValues(), config), config, "Passengers");
    trainer.runEpoch();
    ParameterHistograms histograms;
    histograms.setModel(trainer.model());
    histograms.selectTensor(u"gru.weight_hh_l1"_s);
    for (int epoch = 0; epoch < 3; ++epoch) { // live updates during training
        trainer.runEpoch();
        histograms.setModel(trainer.model());
        QCOMPARE(histograms.currentTensor(), u"gru.weight_hh_l1"_s);
        QCOMPARE(histograms.binTotal(), 18.0 * 6.0);
    }
    // Another hidden size: the tensor of that name stays chosen, with its new size.
    const auto wider = trained(tinyConfig(CellType::Gru, Layout::Sequence, 10));
    histograms.setModel(wider->model());
    QCOMPARE(histograms.currentTensor(), u"gru.weight_hh_l1"_s);
    QCOMPARE(histograms.binTotal(), 30.0 * 10.0);
    // Another cell has no such tensor: the first one is shown.
    histograms.setModel(trained(tinyConfig(CellType::Rnn, Layout::Sequence, 6, 1))->model());
    QCOMPARE(histograms.currentTensor(), u"rnn.weight_ih_l0"_s);
    QCOMPARE(histograms.binTotal(), 6.0);
}

void InsideViewsTest::gradientChartSkipsWhatALogAxisCannotShow()
{
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    GradientFlowChart chart;
    chart.setFlow(u"LSTM"_s, {{1e-4, nan, 1e-3, 0.0, 1e-2, inf, -1.0, 0.5}, {0.0, 2e-3, 4e-3}, {nan, 0.0}});
    QCOMPARE(chart.graphCount(), 3);
    QCOMPARE(chart.graph(0)->dataCount(), 4);
    QCOMPARE(chart.graph(0)->data()->at(1)->key, 3.0); // t = 3, the NaN at t = 2 left out
    QCOMPARE(chart.graph(1)->dataCount(), 2);
    QCOMPARE(chart.graph(2)->dataCount(), 0);
    const QCPRange y = chart.plot()->yAxis->range();
    QVERIFY(std::isfinite(y.lower) && std::isfinite(y.upper) && y.lower > 0);
    QVERIFY(y.lower <= 1e-4 && y.upper >= 0.5);
    QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(chart.plot()->xAxis->label().contains(u"the prediction is made at the last step"_s));
    chart.setFlow(u"empty"_s, {{nan, 0.0}});
    QCOMPARE(chart.graphCount(), 1);
    QVERIFY(chart.plot()->yAxis->range().lower > 0);
}

void InsideViewsTest::comparisonDividesByTheLastStep()
{
    GradientFlowChart chart;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    chart.setComparison(
        {{u"RNN"_s, {1e-6, 1e-4, 1e-2, 0.1}}, {u"GRU"_s, {0.02, 0.05, 0.1, 0.2}}, {u"LSTM"_s, {0.3, 0.35, 0.4, nan}}});
    QCOMPARE(chart.graphCount(), 3);
    QCOMPARE(chart.graph(0)->name(), u"RNN"_s);
    QCOMPARE(chart.graph(0)->data()->at(3)->value, 1.0);
    QCOMPARE(chart.graph(0)->data()->at(0)->value, 1e-5);
    QCOMPARE(chart.graph(1)->data()->at(0)->value, 0.1);
    // LSTM's last step is NaN: divided by its last usable value instead.
    QCOMPARE(chart.graph(2)->dataCount(), 3);
    QCOMPARE(chart.graph(2)->data()->at(2)->value, 1.0);
    QCOMPARE(chart.plot()->legend->itemCount(), 3);
}

QTEST_MAIN(InsideViewsTest)
#include "test_app_inside_views.moc"
