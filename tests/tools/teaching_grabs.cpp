// Saves the teaching views that show numbers (the inside heatmaps, the gradient-flow chart and
// the parameter histograms) as 800x450 PNGs, light and dark, for looking at them by eye and for
// the docs. A tool, not a test: it asserts nothing.
//   teaching_grabs DIR     (built with the tests: <build>/bin/teaching_grabs)
// It also prints the cost of refreshing the inside view at the largest size it shows.
#include "app/shell/color_scheme.h"
#include "app/teaching/gradient_flow_chart.h"
#include "app/teaching/inside_view.h"
#include "app/teaching/parameter_histograms.h"

#include "inside_views_support.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

using namespace rnnwb;
using namespace rnnwb::app;
using namespace rnnwb::test;
using namespace Qt::StringLiterals;

namespace {

void show(QWidget& w)
{
    if (!showAt800x450(w))
        throw std::runtime_error("a view's window never appeared");
}

// Saves the widget as DIR/NAME.png and, in the dark palette, DIR/NAME-dark.png.
void save(QWidget& w, const QString& dir, const QString& name)
{
    const QPalette light = w.palette();
    for (const bool dark : {false, true}) {
        w.setPalette(dark ? darkPalette() : light);
        for (QCustomPlot* plot : w.findChildren<QCustomPlot*>())
            plot->replot();
        const QString file = dir + u"/%1%2.png"_s.arg(name, dark ? u"-dark"_s : QString());
        if (!w.grab().save(file))
            throw std::runtime_error("cannot write " + file.toStdString());
        std::printf("wrote %s\n", qPrintable(file));
    }
    w.setPalette(light);
}

void saveInsideViews(const QString& dir)
{
    struct Case {
        QString name;
        TrainConfig config;
    };
    const QList<Case> cases = {{u"inside-lstm-sequence"_s, tinyConfig(CellType::Lstm, Layout::Sequence, 45, 2)},
                               {u"inside-gru-features"_s, tinyConfig(CellType::Gru, Layout::Features, 16, 2)},
                               {u"inside-rnn-sequence"_s, tinyConfig(CellType::Rnn, Layout::Sequence, 8, 1)}};
    for (const Case& c : cases) {
        InsideView view;
        view.setInspection(inspectLast(*trained(c.config)));
        view.selectStep(1);
        show(view);
        QTest::mouseMove(view.map(0, u"h"_s)->parentPlot(), cellCentre(view.map(0, u"h"_s), 2, 3));
        save(view, dir, c.name);
    }
    std::vector<double> values(700);
    for (std::size_t k = 0; k < values.size(); ++k)
        values[k] = std::sin(0.3 * double(k));
    const auto trainer = trained(tinyConfig(CellType::Lstm, Layout::Features, 20, 2), values);
    InsideView view;
    view.setInspection(
        inspectTarget(trainer->model(), trainer->data(), inspectableTargets(trainer->data()).first + 400));
    view.setCurrentLayer(1);
    view.selectStep(380);
    show(view);
    save(view, dir, u"inside-lstm-features-long"_s);
}

// The cost of a refresh during training at the largest size shown: LSTM, 2 layers, 256 units,
// 200 steps.
void measureInsideRefresh()
{
    Inspection big;
    big.layers.resize(2);
    for (LayerTrace& layer : big.layers) {
        layer.steps.resize(200);
        for (StepState& step : layer.steps)
            for (const std::string& name : stepValueNames(CellType::Lstm))
                step.values[name] = std::vector<double>(256, 0.25);
    }
    InsideView view;
    show(view);
    QElapsedTimer timer;
    timer.start();
    view.setInspection(big);
    const qint64 first = timer.restart();
    big.layers[1].steps[7].values["f"][3] = 0.5;
    view.setInspection(big);
    const qint64 update = timer.restart();
    view.map(0, u"f"_s)->parentPlot()->replot();
    std::printf("InsideView 2x256x200: first setInspection %lld ms, update %lld ms, replot %lld ms\n", first, update,
                timer.elapsed());
}

void saveGradientFlow(const QString& dir)
{
    GradientFlowChart flow;
    std::vector<std::vector<double>> norms(2);
    for (int t = 0; t < 40; ++t) {
        norms[0].push_back(0.02 * std::pow(0.8, 39 - t));
        norms[1].push_back(0.05 * std::pow(0.9, 39 - t));
    }
    flow.setFlow(u"LSTM, epoch 12"_s, norms);
    show(flow);
    save(flow, dir, u"gradient-flow"_s);
    std::vector<double> rnn, gru, lstm;
    for (int t = 0; t < 40; ++t) {
        rnn.push_back(std::pow(0.6, 39 - t));
        gru.push_back(std::pow(0.93, 39 - t));
        lstm.push_back(std::pow(0.96, 39 - t));
    }
    flow.setComparison({{u"RNN"_s, rnn}, {u"GRU"_s, gru}, {u"LSTM"_s, lstm}});
    save(flow, dir, u"gradient-comparison"_s);
}

void saveParameterHistogram(const QString& dir)
{
    ParameterHistograms histograms;
    histograms.setModel(trained(tinyConfig(CellType::Lstm, Layout::Features, 45, 2))->model());
    histograms.selectTensor(u"lstm.weight_hh_l0"_s);
    show(histograms);
    save(histograms, dir, u"parameter-histogram"_s);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: teaching_grabs DIR\n");
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "teaching_grabs: cannot create %s\n", argv[1]);
        return 1;
    }
    initGuiTest();
    try {
        saveInsideViews(dir);
        measureInsideRefresh();
        saveGradientFlow(dir);
        saveParameterHistogram(dir);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "teaching_grabs: %s\n", e.what());
        return 1;
    }
    return 0;
}
