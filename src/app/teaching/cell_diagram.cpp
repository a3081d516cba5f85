#include "app/teaching/cell_diagram.h"

#include "app/teaching/cell_view.h"

namespace rnnwb::app {

using namespace Qt::StringLiterals;
using teaching::Range;
using Wire = CellDiagram::Wire;

namespace {

// Canvas rows: the belt (c or h) across the top, the gate boxes, the input bus at the bottom.
constexpr qreal kChipTop = 32, kBelt = 92, kGateTop = 186, kGateBottom = 276, kBus = 300, kRight = 520;
constexpr qreal kMark = 11; // radius of a × / + mark: arrows stop at its edge

QRectF gateBox(qreal centreX) { return QRectF(centreX - 39, kGateTop, 78, kGateBottom - kGateTop); }
QRectF chip(qreal x, qreal y) { return QRectF(x, y, 86, 48); }
QPolygonF line(std::initializer_list<QPointF> points) { return QPolygonF(points); }
const QString kSigma = u"σ"_s;
const QString kTanh = u"tanh"_s;

// x_t coming up from the bottom and h_{t−1} along the bus (from `busStart`) to each gate: the
// input enters through U (weight_ih), the previous hidden state through W (weight_hh).
void addInputs(CellDiagram& d, qreal busStart, qreal busEnd)
{
    d.wires.push_back({line({QPointF(busStart, kBus), QPointF(busEnd, kBus)}), false});
    d.wires.push_back({line({QPointF(60, kCellCanvas.height()), QPointF(60, kBus)})});
    d.captions.push_back({QPointF(62, kBus + 22), Qt::AlignRight | Qt::AlignVCenter, CellView::tr("xₜ (× U)")});
    d.captions.push_back(
        {QPointF((busStart + busEnd) / 2 + 40, kBus), Qt::AlignHCenter | Qt::AlignBottom, CellView::tr("hₜ₋₁ (× W)")});
    for (const CellDiagram::Gate& g : d.gates)
        d.wires.push_back({line({QPointF(g.rect.center().x(), kBus), QPointF(g.rect.center().x(), kGateBottom)})});
}

CellDiagram lstmDiagram()
{
    CellDiagram d;
    // 遗忘门 forget gate, 输入门 input gate, 输出门 output gate (PyTorch order i, f, g, o).
    d.gates = {{u"f"_s, kSigma, CellView::tr("forget gate"), Range::Unit, gateBox(150)},
               {u"i"_s, kSigma, CellView::tr("input gate"), Range::Unit, gateBox(232)},
               {u"g"_s, kTanh, CellView::tr("candidate"), Range::Signed, gateBox(314)},
               {u"o"_s, kSigma, CellView::tr("output gate"), Range::Unit, gateBox(396)}};
    // 单元状态 cell state: the conveyor belt c_{t−1} → c_t.
    d.states = {{u"c"_s, true, u"cₜ₋₁"_s, chip(14, kChipTop)},
                {u"c"_s, false, u"cₜ"_s, chip(446, kChipTop)},
                {u"h"_s, true, u"hₜ₋₁"_s, chip(14, kBus - 58)},
                {u"h"_s, false, u"hₜ"_s, chip(446, 170)}};
    d.marks = {{QPointF(150, kBelt), u"×"_s},
               {QPointF(273, kBelt), u"+"_s},
               {QPointF(273, 150), u"×"_s},
               {QPointF(396, 122), kTanh},
               {QPointF(396, 160), u"×"_s}};
    d.wires = {
        {line({QPointF(14, kBelt), QPointF(kRight, kBelt)}), true, true},               // c_{t−1} → c_t
        {line({QPointF(150, kGateTop), QPointF(150, kBelt + kMark)})},                  // f ⊙ c_{t−1}
        {line({QPointF(232, kGateTop), QPointF(232, 150), QPointF(273 - kMark, 150)})}, // i ⊙ …
        {line({QPointF(314, kGateTop), QPointF(314, 150), QPointF(273 + kMark, 150)})}, // … ⊙ g
        {line({QPointF(273, 150 - kMark), QPointF(273, kBelt + kMark)})},               // + i ⊙ g
        {line({QPointF(396, kBelt), QPointF(396, 112)})},                               // tanh(c_t)
        {line({QPointF(396, 132), QPointF(396, 160 - kMark)})},
        {line({QPointF(396, kGateTop), QPointF(396, 160 + kMark)})}, // o ⊙ …
        {line({QPointF(396 + kMark, 160), QPointF(kRight, 160)})},   // h_t
    };
    d.captions.push_back({QPointF(211, kBelt - 2), Qt::AlignHCenter | Qt::AlignTop, CellView::tr("cell state")});
    addInputs(d, 14, 396);
    return d;
}

CellDiagram gruDiagram()
{
    CellDiagram d;
    d.gates = {{u"z"_s, kSigma, CellView::tr("update gate"), Range::Unit, gateBox(150)},
               {u"r"_s, kSigma, CellView::tr("reset gate"), Range::Unit, gateBox(240)},
               {u"n"_s, kTanh, CellView::tr("candidate"), Range::Signed, gateBox(345)}};
    d.states = {{u"h"_s, true, u"hₜ₋₁"_s, chip(14, kChipTop)}, {u"h"_s, false, u"hₜ"_s, chip(446, kChipTop)}};
    d.marks = {{QPointF(150, kBelt), u"×"_s},
               {QPointF(365, kBelt), u"+"_s},
               {QPointF(255, 140), u"1−"_s},
               {QPointF(365, 140), u"×"_s}};
    d.wires = {
        {line({QPointF(14, kBelt), QPointF(kRight, kBelt)}), true, true}, // h_{t−1} → h_t
        {line({QPointF(30, kBelt), QPointF(30, kBus)}), false},           // h_{t−1} into the gates
        {line({QPointF(150, kGateTop), QPointF(150, kBelt + kMark)})},    // z ⊙ h_{t−1}
        {line({QPointF(150, 140), QPointF(255 - 15, 140)})},              // 1 − z
        {line({QPointF(255 + 15, 140), QPointF(365 - kMark, 140)})},      // (1 − z) ⊙ n
        {line({QPointF(365, kGateTop), QPointF(365, 140 + kMark)})},
        {line({QPointF(365, 140 - kMark), QPointF(365, kBelt + kMark)})},
        {line({QPointF(240, kGateTop), QPointF(240, 170), QPointF(325, 170), QPointF(325, kGateTop)})}, // r into n
    };
    d.captions.push_back({QPointF(258, kBelt - 2), Qt::AlignHCenter | Qt::AlignTop, CellView::tr("hidden state")});
    addInputs(d, 30, 345);
    return d;
}

CellDiagram rnnDiagram()
{
    // Elman, as the tutorial draws it: x_t in through U, h_{t−1} in through W, one tanh layer
    // whose output h_t goes right to the next step and up to V (or the next layer).
    CellDiagram d;
    const QRectF box(231, 150, 78, 90);
    const qreal mid = box.center().y();
    d.gates = {{u"h"_s, kTanh, CellView::tr("hidden layer"), Range::Signed, box}}; // 隐藏层 hidden layer
    d.states = {{u"h"_s, true, u"hₜ₋₁"_s, chip(14, mid - 24)}, {u"h"_s, false, u"hₜ"_s, chip(446, mid + 12)}};
    d.wires = {{line({QPointF(100, mid), QPointF(box.left(), mid)})},
               {line({QPointF(270, kCellCanvas.height()), QPointF(270, box.bottom())})},
               {line({QPointF(box.right(), mid), QPointF(kRight, mid)}), true, true},
               {line({QPointF(270, box.top()), QPointF(270, 36)}), true, true}};
    d.captions = {
        {QPointF(165, mid - 2), Qt::AlignHCenter | Qt::AlignTop, CellView::tr("× W (weight_hh)")},
        {QPointF(274, 300), Qt::AlignRight | Qt::AlignVCenter, CellView::tr("xₜ × U (weight_ih)")},
        {QPointF(412, mid - 2), Qt::AlignHCenter | Qt::AlignTop, CellView::tr("to the next step")},
        {QPointF(274, 70), Qt::AlignRight | Qt::AlignVCenter, CellView::tr("up: to V (the head)\nor the next layer")}};
    return d;
}

} // namespace

CellDiagram cellDiagram(CellType cell)
{
    switch (cell) {
    case CellType::Lstm: return lstmDiagram();
    case CellType::Gru: return gruDiagram();
    case CellType::Rnn: return rnnDiagram();
    }
    return {};
}

} // namespace rnnwb::app
