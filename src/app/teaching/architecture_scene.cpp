#include "app/teaching/architecture_scene.h"

#include "app/session/qt_text.h"
#include "app/teaching/architecture_view.h"
#include "app/teaching/teaching_paint.h"
#include "core/nn/param_layout.h"

#include <QLocale>

#include <algorithm>

namespace rnnwb::app {

using namespace Qt::StringLiterals;
using teaching::kEllipsis;
using teaching::subscript;
using teaching::superscript;

namespace {

// ---- Tensor names and shapes (param_layout.h): the rows hold one block of H per gate. ----

// "4H" (LSTM: i, f, g, o), "3H" (GRU: r, z, n), "H" (RNN).
QString gateRows(CellType cell)
{
    const int g = gateCount(cell);
    return g == 1 ? u"H"_s : u"%1H"_s.arg(g);
}

QString tensorName(CellType cell, const QString& kind, int layer)
{
    return toQ(cellName(cell)) + u'.' + kind + u"_l"_s + QString::number(layer);
}

// U of layer k (0-based): [G·H × I] on the first layer, [G·H × H] above it (its input is the
// hidden state of the layer below).
QString inputWeightNumbers(const NetworkShape& s, int layer)
{
    return u"%1×%2"_s.arg(gateCount(s.cell) * s.hiddenSize).arg(layer == 0 ? s.inputSize : s.hiddenSize);
}
QString inputWeightShape(const NetworkShape& s, int layer)
{
    return gateRows(s.cell) + (layer == 0 ? u"×I = "_s : u"×H = "_s) + inputWeightNumbers(s, layer);
}
// W of every layer: [G·H × H].
QString recurrentWeightNumbers(const NetworkShape& s)
{
    return u"%1×%2"_s.arg(gateCount(s.cell) * s.hiddenSize).arg(s.hiddenSize);
}
QString recurrentWeightShape(const NetworkShape& s)
{
    return gateRows(s.cell) + u"×H = "_s + recurrentWeightNumbers(s);
}
// V, the head nn.Linear(H, 1): [1 × H].
QString headNumbers(const NetworkShape& s) { return u"1×%1"_s.arg(s.hiddenSize); }

QString gateBlocksTitle(CellType cell)
{
    switch (cell) {
    case CellType::Lstm: return ArchitectureView::tr("LSTM: G = 4 gate blocks (i, f, g, o)");
    case CellType::Gru: return ArchitectureView::tr("GRU: G = 3 gate blocks (r, z, n)");
    case CellType::Rnn: return ArchitectureView::tr("Elman RNN: G = 1 (tanh)");
    }
    return {};
}

// The explanation beside the folded diagram: what the letters and sizes mean.
QString foldedLegend(const TrainConfig& config, const NetworkShape& s)
{
    // 隐藏层 hidden layer: S, the tutorial's hidden-layer values.
    return gateBlocksTitle(s.cell) + u"\n\n"_s
           + ArchitectureView::tr("Inputs per step I = %1 · hidden units H = %2 · layers L = %3")
                 .arg(s.inputSize)
                 .arg(s.hiddenSize)
                 .arg(s.layers)
           + u"\n\n"_s
           + ArchitectureView::tr("U = weight_ih (input → hidden), W = weight_hh (hidden at t−1 → hidden at t, "
                                  "the same matrix at every step), V = the linear head (hidden → output). "
                                  "Each layer also adds bias_ih and bias_hh, %1 values each.")
                 .arg(gateCount(s.cell) * s.hiddenSize)
           + u"\n\n"_s
           + ArchitectureView::tr("Parameters in all: %1").arg(QLocale().toString(qulonglong(parameterCount(s))))
           + u"\n\n"_s + layoutExplanation(config);
}

QRectF centredRect(QPointF centre, QSizeF size)
{
    return QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size);
}

// The arrow between two boxes stacked vertically (lower → upper); an elided row is a point.
QPolygonF upward(const QRectF& lower, const QRectF& upper)
{
    return QPolygonF{QPointF(lower.center().x(), lower.top()), QPointF(upper.center().x(), upper.bottom())};
}
QPolygonF rightward(const QRectF& left, const QRectF& right)
{
    return QPolygonF{QPointF(left.right(), left.center().y()), QPointF(right.left(), right.center().y())};
}

QPointF middle(const QPolygonF& path) { return (path.first() + path.last()) / 2; }

// The layers to draw in `height`: every one when each row (input, layers, output) gets
// `minStep`, else the first ones, an elided row and the last (at least S¹, ⋮, S^L); at most
// `maxRows` layer rows.
std::vector<int> layersThatFit(int layers, qreal height, qreal node, qreal minStep, int maxRows)
{
    const int layerRows = std::clamp(int((height - node) / minStep) + 1 - 2, 3, maxRows);
    return teaching::shownIndices(layers, layerRows - 2, 1);
}

void addEllipsis(ArchitectureScene& scene, const QRectF& rect, const QString& mark)
{
    scene.notes.push_back({rect, mark, true, Qt::AlignCenter});
}

} // namespace

QString layoutExplanation(const TrainConfig& config)
{
    if (config.layout == Layout::Features)
        return ArchitectureView::tr("Features layout: the window's %1 values enter as %1 input features at each "
                                    "step; time runs across samples (the series), with a prediction at every step.")
            .arg(config.window);
    return ArchitectureView::tr("Sequence layout: time runs across the window: one value per step (%1 steps), "
                                "prediction from the last step.")
        .arg(config.window);
}

ArchitectureScene foldedScene(const TrainConfig& config, QSizeF size, const QFontMetricsF& metrics)
{
    const qreal line = metrics.height();
    ArchitectureScene scene;
    const NetworkShape s = networkShape(config);
    const qreal margin = 10, w = size.width(), h = size.height();
    const qreal split = std::clamp(w * 0.5, std::min(430.0, w - 300), w - 300); // diagram | legend
    scene.notes.push_back({QRectF(margin, margin / 2, w - 2 * margin, line * 1.5),
                           ArchitectureView::tr("Folded: X —U→ S —V→ O, with W carrying S from one step to the next"),
                           true});
    scene.notes.push_back(
        {QRectF(split + margin, margin + line * 2.2, w - split - 2 * margin, h), foldedLegend(config, s)});

    // Rows from the bottom: X, the layers S¹ … S^L (long stacks elided), O.
    const QSizeF node(96, line * 2.3);
    const qreal top = margin + line * 2.2, bottom = h - margin, x = margin + (split - margin) * 0.5;
    const std::vector<int> layers = layersThatFit(s.layers, bottom - top, node.height(), node.height() + 14, 4);
    const int rows = int(layers.size()) + 2;
    const qreal step = (bottom - top - node.height()) / (rows - 1);
    std::vector<QRectF> box;
    for (int r = 0; r < rows; ++r)
        box.push_back(centredRect(QPointF(x, bottom - node.height() / 2 - r * step), node));

    scene.nodes.push_back({box[0], u"X"_s,
                           s.inputSize == 1 ? ArchitectureView::tr("I = 1 value")
                                            : ArchitectureView::tr("I = %1 values").arg(s.inputSize)});
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const QRectF& b = box[i + 1];
        if (layers[i] == kEllipsis) {
            addEllipsis(scene, b, u"⋮"_s);
            continue;
        }
        const QString sizes = s.cell == CellType::Lstm ? ArchitectureView::tr("h, c: H = %1").arg(s.hiddenSize)
                                                       : ArchitectureView::tr("h: H = %1").arg(s.hiddenSize);
        scene.nodes.push_back({b, u"S"_s + superscript(layers[i] + 1), sizes, true});
        // W: the loop on S, out of its right side and back in.
        const QPolygonF loop{QPointF(b.right(), b.center().y() - 8), QPointF(b.right() + 26, b.center().y() - 8),
                             QPointF(b.right() + 26, b.center().y() + 8), QPointF(b.right() + 1, b.center().y() + 8)};
        scene.arrows.push_back({loop,
                                u"W"_s + superscript(layers[i] + 1) + u" = "_s
                                    + tensorName(s.cell, u"weight_hh"_s, layers[i]) + u'\n' + recurrentWeightShape(s),
                                QPointF(b.right() + 28, b.center().y()), Qt::AlignRight | Qt::AlignVCenter});
    }
    scene.nodes.push_back({box[rows - 1], u"O"_s, ArchitectureView::tr("the prediction")});

    for (int r = 0; r + 1 < rows; ++r) {
        const bool elided
            = (r >= 1 && layers[r - 1] == kEllipsis) || (r + 1 <= int(layers.size()) && layers[r] == kEllipsis);
        ArchitectureScene::Arrow arrow{upward(box[r], box[r + 1]), {}, {}, Qt::AlignLeft | Qt::AlignVCenter, elided};
        if (r + 1 == rows - 1)
            arrow.label = ArchitectureView::tr("V = linear.weight (head)") + u"\n1×H = "_s + headNumbers(s);
        else if (layers[r] != kEllipsis)
            arrow.label = u"U"_s + superscript(layers[r] + 1) + u" = "_s + tensorName(s.cell, u"weight_ih"_s, layers[r])
                          + u'\n' + inputWeightShape(s, layers[r]);
        arrow.anchor = QPointF(box[r].left() - 4, middle(arrow.path).y()); // left of the boxes: never over one
        scene.arrows.push_back(arrow);
    }
    return scene;
}

namespace {

// Unrolled: the name of shown step i (0-based) of `steps`; features-layout steps are the
// samples 1 … n of the series, so its last ones are n−1 and n.
QString stepSubscript(int i, int steps, bool symbolic)
{
    if (!symbolic || i < 3)
        return subscript(i + 1);
    return i == steps - 1 ? u"ₙ"_s : u"ₙ₋₁"_s;
}

struct Grid {
    std::vector<int> columns;             // shown steps (kEllipsis: elided)
    std::vector<int> layers;              // shown layers, bottom first
    std::vector<std::vector<QRectF>> box; // [row][column]; row 0 the input, last the output
    int rows() const { return int(box.size()); }
    bool elidedRow(int r) const { return r >= 1 && r <= int(layers.size()) && layers[r - 1] == kEllipsis; }
    bool elidedColumn(int c) const { return columns[c] == kEllipsis; }
};

Grid unrolledGrid(const NetworkShape& s, int steps, QRectF area, qreal line)
{
    Grid g;
    const QSizeF node(58, line * 1.65);
    g.columns = teaching::shownIndices(steps, 3, 2);
    g.layers = layersThatFit(s.layers, area.height(), node.height(), node.height() + 18, 4);
    const int rows = int(g.layers.size()) + 2, cols = int(g.columns.size());
    const qreal colWidth = area.width() / cols, rowStep = (area.height() - node.height()) / (rows - 1);
    for (int r = 0; r < rows; ++r) {
        g.box.emplace_back();
        for (int c = 0; c < cols; ++c)
            g.box[r].push_back(centredRect(
                QPointF(area.left() + colWidth * (c + 0.5), area.bottom() - node.height() / 2 - r * rowStep), node));
    }
    return g;
}

QString rowLabel(const Grid& g, int r, const NetworkShape& s, bool features)
{
    if (r == 0)
        return s.inputSize == 1 ? ArchitectureView::tr("input x\n(1 value)")
                                : ArchitectureView::tr("input x\n(%1 values)").arg(s.inputSize);
    if (g.elidedRow(r))
        return u"⋮"_s;
    if (r == g.rows() - 1)
        return features ? ArchitectureView::tr("output O\n(every step)")
                        : ArchitectureView::tr("output O\n(last step)");
    return ArchitectureView::tr("layer %1").arg(g.layers[r - 1] + 1);
}

void addUnrolledNodes(ArchitectureScene& scene, const Grid& g, const NetworkShape& s, int steps, bool features)
{
    const int last = int(g.columns.size()) - 1;
    for (int r = 0; r < g.rows(); ++r) {
        const QRectF& first = g.box[r][0];
        scene.notes.push_back({QRectF(0, first.top() - 8, first.left() - 52, first.height() + 16),
                               rowLabel(g, r, s, features), false, Qt::AlignRight | Qt::AlignVCenter});
        for (int c = 0; c <= last; ++c) {
            if (g.elidedRow(r) || g.elidedColumn(c)) {
                if (!(r == g.rows() - 1 && !features))
                    addEllipsis(scene, g.box[r][c], g.elidedRow(r) ? u"⋮"_s : u"…"_s);
                continue;
            }
            const QString t = stepSubscript(g.columns[c], steps, features);
            if (r == 0)
                scene.nodes.push_back({g.box[r][c], u"x"_s + t, {}});
            else if (r < g.rows() - 1)
                scene.nodes.push_back({g.box[r][c], u"S"_s + superscript(g.layers[r - 1] + 1) + t, {}, true});
            else if (features || c == last) // sequence layout: one prediction, from the last step
                scene.nodes.push_back({g.box[r][c], u"O"_s + t, {}});
        }
    }
}

// `wrapW`: the W labels' shapes go on a second line (the gap between two steps is too narrow).
void addUnrolledArrows(ArchitectureScene& scene, const Grid& g, const NetworkShape& s, bool features, bool wrapW)
{
    const int last = int(g.columns.size()) - 1, top = g.rows() - 1;
    bool firstV = true;
    for (int c = 0; c <= last; ++c) {
        if (g.elidedColumn(c))
            continue;
        for (int r = 0; r < top; ++r) {
            if (r + 1 == top && !features && c != last)
                continue;
            const bool elided = g.elidedRow(r) || g.elidedRow(r + 1);
            // The first column's labels (with the shapes) go left of the arrows, clear of the W labels.
            const Qt::Alignment side = (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter;
            ArchitectureScene::Arrow a{upward(g.box[r][c], g.box[r + 1][c]), {}, {}, side, elided};
            a.anchor = middle(a.path);
            if (!elided && r + 1 == top) {
                a.label = firstV ? QString(u"V "_s + headNumbers(s)) : u"V"_s;
                firstV = false;
            } else if (!elided) {
                const int layer = g.layers[r];
                a.label = u"U"_s + superscript(layer + 1)
                          + (c == 0 ? QString(u' ' + inputWeightNumbers(s, layer)) : QString());
            }
            scene.arrows.push_back(a);
        }
    }
    for (int r = 1; r < top; ++r) {
        if (g.elidedRow(r))
            continue;
        const QRectF& first = g.box[r][0];
        scene.arrows.push_back(
            {QPolygonF{QPointF(first.left() - 34, first.center().y()), QPointF(first.left(), first.center().y())},
             u"0"_s, QPointF(first.left() - 34, first.center().y()),
             Qt::AlignLeft | Qt::AlignVCenter}); // h₀ (and c₀) = 0
        for (int c = 0; c < last; ++c) {
            const bool elided = g.elidedColumn(c) || g.elidedColumn(c + 1);
            ArchitectureScene::Arrow a{
                rightward(g.box[r][c], g.box[r][c + 1]), {}, {}, Qt::AlignHCenter | Qt::AlignTop, elided};
            a.anchor = middle(a.path);
            if (!elided)
                a.label = u"W"_s + superscript(g.layers[r - 1] + 1)
                          + (c == 0 ? QString((wrapW ? u'\n' : u' ') + recurrentWeightNumbers(s)) : QString());
            scene.arrows.push_back(a);
        }
    }
}

} // namespace

ArchitectureScene unrolledScene(const TrainConfig& config, QSizeF size, const QFontMetricsF& metrics)
{
    const qreal line = metrics.height();
    ArchitectureScene scene;
    const NetworkShape s = networkShape(config);
    const bool features = config.layout == Layout::Features;
    const qreal margin = 10, w = size.width(), h = size.height();
    scene.notes.push_back({QRectF(margin, margin / 2, w - 2 * margin, line * 1.5),
                           ArchitectureView::tr("Unrolled over time: every step reuses the same U, W and V"), true});
    const QString layoutText = layoutExplanation(config);
    const qreal textHeight
        = metrics.boundingRect(QRectF(0, 0, w - 2 * margin, h), Qt::TextWordWrap, layoutText).height();
    scene.notes.push_back({QRectF(margin, margin / 2 + line * 1.4, w - 2 * margin, textHeight + 2), layoutText});
    // The features layout runs the whole series: its steps are drawn as 1, 2, 3, …, n−1, n.
    const int steps = features ? 7 : config.window;
    const QRectF area(QPointF(122, margin / 2 + line * 2.2 + textHeight), QPointF(w - margin, h - margin - line * 1.6));
    const Grid g = unrolledGrid(s, steps, area, line);
    addUnrolledNodes(scene, g, s, steps, features);
    const qreal gap = g.columns.size() > 1 ? g.box[0][1].left() - g.box[0][0].right() : w;
    const bool wrapW
        = metrics.horizontalAdvance(u"W¹ "_s + recurrentWeightNumbers(s)) * 0.92 + 8 > gap; // labels: 0.92 × the font
    addUnrolledArrows(scene, g, s, features, wrapW);
    const QString time = features ? ArchitectureView::tr("time → samples 1 … n of the series, one window each")
                                  : ArchitectureView::tr("time → steps 1 … %1 of the window").arg(config.window);
    scene.notes.push_back({QRectF(area.left(), h - margin - line * 1.3, area.width(), line * 1.3), time, false,
                           Qt::AlignHCenter | Qt::AlignVCenter});
    return scene;
}

} // namespace rnnwb::app
