// GUI tests of the architecture and cell views: the shapes on the arrows
// follow the hyperparameters, the layout sentence follows the layout, the cell view shows the
// means of a real Inspection of a trained network, and both render at 800 × 450 without
// warnings, in the light and the dark palette. With RNNWB_SCREENSHOT_DIR set, the renders are
// saved there as PNG files to look at. The two widgets stand alone: no settings, no main window.
#include "app/shell/color_scheme.h"
#include "app/teaching/architecture_view.h"
#include "app/teaching/cell_view.h"
#include "app_test_support.h"
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/inspect/inspect.h"
#include "core/training/trainer.h"

#include <QDir>
#include <QImage>
#include <QRegularExpression>
#include <QtTest>

#include <numeric>

Q_DECLARE_METATYPE(rnnwb::CellType)
Q_DECLARE_METATYPE(rnnwb::Layout)

using namespace rnnwb;
using namespace rnnwb::app;
using namespace Qt::StringLiterals;

using rnnwb::test::airlineValues;

namespace {

const QString kAirline = QStringLiteral(RNNWB_APP_DATA "/airline-passengers.csv");

QStringList labelsOf(const TrainConfig& config, ArchitectureView::Mode mode = ArchitectureView::Mode::Folded)
{
    ArchitectureView view;
    view.setMode(mode);
    view.setConfig(config);
    QStringList labels = view.arrowLabels();
    for (QString& label : labels) // the unrolled view wraps a label where it lacks the room
        label.replace(u'\n', u' ');
    return labels;
}

bool anyContains(const QStringList& labels, const QString& text)
{
    return std::any_of(labels.begin(), labels.end(), [&](const QString& l) { return l.contains(text); });
}

int countStartingWith(const QStringList& labels, const QString& prefix)
{
    return int(std::count_if(labels.begin(), labels.end(), [&](const QString& l) { return l.startsWith(prefix); }));
}

// Renders the widget at `size` (saved when RNNWB_SCREENSHOT_DIR is set).
QImage render(QWidget& widget, const QString& name, QSize size = {800, 450})
{
    widget.resize(size);
    const QImage image = widget.grab().toImage();
    const QString dir = qEnvironmentVariable("RNNWB_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        image.save(QDir(dir).filePath(name + u".png"_s));
    return image;
}

// How many pixels are near `colour` (the text drawn in the palette's text colour).
int pixelsNear(const QImage& image, const QColor& colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                     + std::abs(c.blue() - colour.blue())
                 < 30;
        }
    return n;
}

double meanOf(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); }

// A small network trained for a few epochs on the airline series, and the inspection of the
// prediction of its last value.
struct Inspected {
    Inspection inspection;
};

Inspected inspectTrained(CellType cell, Layout layout, int hidden = 7)
{
    TrainConfig config;
    config.cell = cell;
    config.layout = layout;
    config.hidden = hidden;
    config.layers = 2;
    config.epochs = 3;
    config.seed = 3;
    Trainer trainer(Dataset::prepare(airlineValues(), config), config, "Passengers");
    trainer.run();
    const TargetRange range = inspectableTargets(trainer.data());
    return {inspectTarget(trainer.model(), trainer.data(), range.last)};
}

void addCellRows()
{
    QTest::addColumn<CellType>("cell");
    QTest::addColumn<Layout>("layout");
    QTest::newRow("lstm features") << CellType::Lstm << Layout::Features;
    QTest::newRow("gru features") << CellType::Gru << Layout::Features;
    QTest::newRow("rnn features") << CellType::Rnn << Layout::Features;
    QTest::newRow("lstm sequence") << CellType::Lstm << Layout::Sequence;
    QTest::newRow("gru sequence") << CellType::Gru << Layout::Sequence;
    QTest::newRow("rnn sequence") << CellType::Rnn << Layout::Sequence;
}

} // namespace

class TestAppTeachingViews : public QObject {
    Q_OBJECT
private slots:
    void foldedShapesFollowTheHiddenSize()
    {
        TrainConfig config; // the seed's LSTM: window 5 as features, hidden 45, 2 layers
        const QStringList before = labelsOf(config);
        QVERIFY2(anyContains(before, u"U¹ = lstm.weight_ih_l0 4H×I = 180×5"_s), qPrintable(before.join(u" | ")));
        QVERIFY(anyContains(before, u"W¹ = lstm.weight_hh_l0 4H×H = 180×45"_s));
        QVERIFY(anyContains(before, u"U² = lstm.weight_ih_l1 4H×H = 180×45"_s));
        QVERIFY(anyContains(before, u"1×H = 1×45"_s));
        config.hidden = 64;
        const QStringList after = labelsOf(config);
        QVERIFY(anyContains(after, u"4H×I = 256×5"_s));
        QVERIFY(anyContains(after, u"4H×H = 256×64"_s));
        QVERIFY(anyContains(after, u"1×H = 1×64"_s));
        QVERIFY(!anyContains(after, u"180×"_s));
    }

    void foldedShapesFollowCellLayersAndWindow_data()
    {
        QTest::addColumn<CellType>("cell");
        QTest::addColumn<Layout>("layout");
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("layers");
        QTest::addColumn<QString>("inputWeight");
        QTest::addColumn<QString>("topLoop");
        QTest::newRow("lstm, 1 layer") << CellType::Lstm << Layout::Features << 5 << 1 << u"4H×I = 180×5"_s << u"W¹"_s;
        QTest::newRow("gru, 3 layers") << CellType::Gru << Layout::Features << 5 << 3 << u"3H×I = 135×5"_s << u"W³"_s;
        QTest::newRow("rnn, 2 layers") << CellType::Rnn << Layout::Features << 5 << 2 << u"H×I = 45×5"_s << u"W²"_s;
        QTest::newRow("window 12") << CellType::Lstm << Layout::Features << 12 << 2 << u"4H×I = 180×12"_s << u"W²"_s;
        QTest::newRow("sequence: one input")
            << CellType::Lstm << Layout::Sequence << 12 << 2 << u"4H×I = 180×1"_s << u"W²"_s;
        QTest::newRow("16 layers, elided")
            << CellType::Gru << Layout::Features << 5 << 16 << u"3H×I = 135×5"_s << u"W¹⁶"_s;
    }
    void foldedShapesFollowCellLayersAndWindow()
    {
        QFETCH(CellType, cell);
        QFETCH(Layout, layout);
        QFETCH(int, window);
        QFETCH(int, layers);
        QFETCH(QString, inputWeight);
        QFETCH(QString, topLoop);
        TrainConfig config;
        config.cell = cell;
        config.layout = layout;
        config.window = window;
        config.layers = layers;
        const QStringList labels = labelsOf(config);
        QVERIFY2(anyContains(labels,
                             u"U¹ = "_s + QString::fromStdString(cellName(cell)) + u".weight_ih_l0 "_s + inputWeight),
                 qPrintable(labels.join(u" | ")));
        QVERIFY(countStartingWith(labels, topLoop + u" = "_s) == 1);
        // One W loop per drawn layer: all of them up to 4 layers, else S¹, S², …, S^L.
        QCOMPARE(countStartingWith(labels, u"W"_s), std::min(layers, 4) - (layers > 4 ? 1 : 0));
    }

    void unrolledArrowsFollowTheLayout()
    {
        TrainConfig config;
        config.layout = Layout::Sequence;
        config.window = 3;
        QStringList labels = labelsOf(config, ArchitectureView::Mode::Unrolled);
        QVERIFY2(labels.contains(u"U¹ 180×1"_s) && labels.contains(u"W¹ 180×45"_s), qPrintable(labels.join(u" | ")));
        QCOMPARE(countStartingWith(labels, u"W¹"_s), 2); // x₁ → x₂ → x₃: two steps carried over
        QCOMPARE(countStartingWith(labels, u"V"_s), 1);  // one prediction, from the last step
        QCOMPARE(labels.filter(u"V 1×45"_s).size(), 1);

        config.window = 48; // long windows: steps 1, 2, 3, …, 47, 48; no label on the elided arrows
        labels = labelsOf(config, ArchitectureView::Mode::Unrolled);
        QCOMPARE(countStartingWith(labels, u"W¹"_s), 3);
        QCOMPARE(countStartingWith(labels, u"U¹"_s), 5);

        config.layout = Layout::Features; // a prediction at every step
        labels = labelsOf(config, ArchitectureView::Mode::Unrolled);
        QCOMPARE(countStartingWith(labels, u"V"_s), 5);
        QVERIFY(labels.contains(u"U¹ 180×48"_s));
    }

    void layoutTextSaysWhichWayTimeRuns()
    {
        ArchitectureView view;
        TrainConfig config;
        view.setConfig(config);
        const QString features = view.layoutText();
        QVERIFY2(features.contains(u"5 input features"_s) && features.contains(u"samples"_s), qPrintable(features));
        config.layout = Layout::Sequence;
        view.setConfig(config);
        const QString sequence = view.layoutText();
        QVERIFY(sequence != features);
        QVERIFY2(sequence.contains(u"one value per step"_s) && sequence.contains(u"last step"_s), qPrintable(sequence));
        QVERIFY(view.accessibleDescription().contains(sequence));
        QCOMPARE(view.objectName(), u"architectureView"_s);
        QVERIFY(!view.accessibleName().isEmpty());
    }

    void architectureRedrawsOnSetConfig()
    {
        ArchitectureView view;
        const QImage before = render(view, u"architecture-folded-lstm"_s);
        TrainConfig config;
        config.hidden = 64;
        view.setConfig(config);
        QVERIFY(render(view, u"architecture-folded-lstm-h64"_s) != before);
    }

    void cellViewShowsTheInspectionMeans_data() { addCellRows(); }
    void cellViewShowsTheInspectionMeans()
    {
        QFETCH(CellType, cell);
        QFETCH(Layout, layout);
        const Inspection in = inspectTrained(cell, layout).inspection;
        CellView view;
        const int steps = int(in.layers[0].steps.size());
        QVERIFY(steps >= 2);
        for (int layer : {0, 1})
            for (int step : {0, steps / 2, steps - 1}) {
                view.setState(in, layer, step);
                QVERIFY(view.hasState());
                QCOMPARE(view.cellType(), cell);
                const auto& values = in.layers[std::size_t(layer)].steps[std::size_t(step)].values;
                for (const std::string& name : stepValueNames(cell)) {
                    const QString key = QString::fromStdString(name);
                    const double expected = meanOf(values.at(name));
                    QCOMPARE(view.valueText(key), QString::number(expected, 'f', 3));
                    QVERIFY(std::abs(view.valueText(key).toDouble() - expected) <= 5e-4);
                }
                // What enters the step: the previous step's h (zero at the first step).
                const double previous
                    = step == 0 ? 0.0
                                : meanOf(in.layers[std::size_t(layer)].steps[std::size_t(step) - 1].values.at("h"));
                QCOMPARE(view.valueText(u"h_prev"_s), QString::number(previous, 'f', 3));
            }
        view.setState(in, 0, steps); // past the last step
        QVERIFY(!view.hasState());
        QCOMPARE(view.valueText(u"h"_s), u"–"_s);
        view.setState(in, 2, 0); // a layer the network lacks
        QVERIFY(!view.hasState());
    }

    void cellViewNamesOnlyItsGates()
    {
        const Inspection in = inspectTrained(CellType::Gru, Layout::Sequence).inspection;
        CellView view;
        view.setState(in, 0, 1);
        QVERIFY(view.valueText(u"z"_s) != u"–"_s);
        QCOMPARE(view.valueText(u"f"_s), u"–"_s); // an LSTM gate
        QCOMPARE(view.valueText(u"c"_s), u"–"_s);
        QVERIFY(view.equationsHtml().contains(u"(1 − z<sub>t</sub>) ⊙ n<sub>t</sub>"_s));
        view.setCellType(CellType::Lstm); // another cell: the GRU's values no longer apply
        QVERIFY(!view.hasState());
        QVERIFY(view.equationsHtml().contains(
            u"c<sub>t</sub> = f<sub>t</sub> ⊙ c<sub>t−1</sub> + i<sub>t</sub> ⊙ g<sub>t</sub>"_s));
        QCOMPARE(view.objectName(), u"cellView"_s);
        QVERIFY(!view.accessibleName().isEmpty());
    }

    // Every view and cell renders at 800 × 450 without a warning, in the light and the dark
    // palette; in the dark one the background is the palette's and the text is light.
    void rendersInBothPalettesWithoutWarnings_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void rendersInBothPalettesWithoutWarnings()
    {
        QFETCH(bool, dark);
        QTest::failOnWarning(QRegularExpression(u".*"_s));
        const QString suffix = dark ? u"-dark"_s : QString();
        const QPalette palette = dark ? darkPalette() : QPalette();
        std::vector<QImage> images;
        for (const CellType cell : {CellType::Lstm, CellType::Gru, CellType::Rnn})
            for (const Layout layout : {Layout::Features, Layout::Sequence})
                for (const auto mode : {ArchitectureView::Mode::Folded, ArchitectureView::Mode::Unrolled}) {
                    ArchitectureView view;
                    view.setPalette(palette);
                    TrainConfig config;
                    config.cell = cell;
                    config.layout = layout;
                    config.layers = cell == CellType::Gru ? 3 : 2;
                    config.window = layout == Layout::Sequence ? 12 : 5;
                    view.setConfig(config);
                    view.setMode(mode);
                    const QString name = u"architecture-%1-%2-%3%4"_s.arg(
                        QString::fromStdString(cellName(cell)), QString::fromStdString(layoutName(layout)),
                        mode == ArchitectureView::Mode::Folded ? u"folded"_s : u"unrolled"_s, suffix);
                    images.push_back(render(view, name));
                }
        for (const CellType cell : {CellType::Lstm, CellType::Gru, CellType::Rnn}) {
            CellView view;
            view.setPalette(palette);
            view.setCellType(cell);
            const QString name = QString::fromStdString(cellName(cell));
            images.push_back(render(view, u"cell-%1-neutral%2"_s.arg(name, suffix)));
            const Inspection in = inspectTrained(cell, Layout::Sequence).inspection;
            view.setState(in, 0, int(in.layers[0].steps.size()) - 1);
            images.push_back(render(view, u"cell-%1%2"_s.arg(name, suffix)));
        }
        // The largest sizes the options allow: the labels and strips must still fit.
        TrainConfig largest;
        largest.window = 10000;
        largest.hidden = 4096;
        largest.layers = 16;
        for (const auto mode : {ArchitectureView::Mode::Folded, ArchitectureView::Mode::Unrolled}) {
            ArchitectureView view;
            view.setPalette(palette);
            view.setConfig(largest);
            view.setMode(mode);
            images.push_back(render(view, u"architecture-largest-%1%2"_s.arg(int(mode)).arg(suffix)));
        }
        CellView wide;
        wide.setPalette(palette);
        wide.setState(inspectTrained(CellType::Lstm, Layout::Features, 64).inspection, 1, 40);
        images.push_back(render(wide, u"cell-lstm-h64%1"_s.arg(suffix)));
        // The tab at 1280 × 720 leaves the views wide and low: they must still fit.
        for (const auto mode : {ArchitectureView::Mode::Folded, ArchitectureView::Mode::Unrolled}) {
            ArchitectureView view;
            view.setPalette(palette);
            view.setMode(mode);
            const QImage low = render(view, u"architecture-low-%1%2"_s.arg(int(mode)).arg(suffix), {920, 230});
            QCOMPARE(low.pixelColor(2, 2), palette.color(QPalette::Base));
        }
        for (const QImage& image : images) {
            QCOMPARE(image.size(), QSize(800, 450));
            QCOMPARE(image.pixelColor(2, 2), palette.color(QPalette::Base));
            QVERIFY(pixelsNear(image, palette.color(QPalette::Text)) > 500); // text and lines in the text colour
        }
    }
};

QTEST_MAIN(TestAppTeachingViews)
#include "test_app_teaching_views.moc"
