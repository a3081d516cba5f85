#include "app/teaching/cell_view.h"
#include "app/teaching/teaching_texts.h"

#include "app/session/qt_text.h"
#include "app/teaching/cell_diagram.h"
#include "app/teaching/teaching_paint.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rnnwb::app {

using namespace Qt::StringLiterals;
using teaching::Range;

namespace {

double mean(std::span<const double> values)
{
    if (values.empty())
        return std::nan("");
    return std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

// PyTorch's gate line: name_t = act(W_i· x_t + b_i· + W_h· h_{t−1} + b_h·).
QString gateEquation(const QString& name, const QString& activation, const QString& g)
{
    return u"%1<sub>t</sub> = %2(W<sub>i%3</sub>x<sub>t</sub> + b<sub>i%3</sub> + W<sub>h%3</sub>h<sub>t−1</sub> + "
           "b<sub>h%3</sub>)<br>"_s.arg(name, activation, g);
}

QString equations(CellType cell)
{
    switch (cell) {
    case CellType::Lstm:
        return gateEquation(u"i"_s, u"σ"_s, u"i"_s) + gateEquation(u"f"_s, u"σ"_s, u"f"_s)
               + gateEquation(u"g"_s, u"tanh"_s, u"g"_s) + gateEquation(u"o"_s, u"σ"_s, u"o"_s)
               + u"c<sub>t</sub> = f<sub>t</sub> ⊙ c<sub>t−1</sub> + i<sub>t</sub> ⊙ g<sub>t</sub><br>"
                 "h<sub>t</sub> = o<sub>t</sub> ⊙ tanh(c<sub>t</sub>)"_s;
    case CellType::Gru:
        return gateEquation(u"r"_s, u"σ"_s, u"r"_s) + gateEquation(u"z"_s, u"σ"_s, u"z"_s)
               + u"n<sub>t</sub> = tanh(W<sub>in</sub>x<sub>t</sub> + b<sub>in</sub><br>"
                 "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;+ r<sub>t</sub> ⊙ (W<sub>hn</sub>h<sub>t−1</sub> + "
                 "b<sub>hn</sub>))<br>"
                 "h<sub>t</sub> = (1 − z<sub>t</sub>) ⊙ n<sub>t</sub> + z<sub>t</sub> ⊙ h<sub>t−1</sub>"_s;
    case CellType::Rnn:
        return u"h<sub>t</sub> = tanh(W<sub>ih</sub>x<sub>t</sub> + b<sub>ih</sub> + W<sub>hh</sub>h<sub>t−1</sub> + "
               "b<sub>hh</sub>)"_s;
    }
    return {};
}

QString equationNote(CellType cell)
{
    switch (cell) {
    case CellType::Lstm:
        return CellView::tr("W<sub>i·</sub> are rows of U (weight_ih), W<sub>h·</sub> rows of W (weight_hh); ⊙ "
                            "multiplies unit by unit.");
    case CellType::Gru:
        return CellView::tr("z mixes the old state with the candidate n; r chooses how much of h<sub>t−1</sub> "
                            "n sees.");
    case CellType::Rnn:
        return CellView::tr("One tanh layer: the new hidden state mixes the input (U = weight_ih) with the "
                            "previous state (W = weight_hh).");
    }
    return {};
}

// Of the text and background colours, the one that reads better on `fill`.
QColor inkOn(const QColor& fill, const QPalette& palette)
{
    const QColor a = palette.color(QPalette::Text), b = palette.color(QPalette::Base);
    return std::abs(a.lightnessF() - fill.lightnessF()) >= std::abs(b.lightnessF() - fill.lightnessF()) ? a : b;
}

QFont scaled(const QFont& base, qreal factor, bool bold = false)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * factor);
    f.setBold(bold);
    return f;
}

// The colour-scale strip: `count` evenly spaced values from `from` to `to`.
std::vector<double> ramp(double from, double to, int count = 64)
{
    std::vector<double> v(std::size_t(count), 0.0);
    for (int k = 0; k < count; ++k)
        v[std::size_t(k)] = from + (to - from) * k / (count - 1);
    return v;
}

} // namespace

CellView::CellView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("cellView"));
    setAccessibleName(tr("Recurrent cell with its gate values"));
    updateDescription();
}

void CellView::setCellType(CellType cell)
{
    if (cell == cell_)
        return;
    cell_ = cell;
    clearState();
}

void CellView::clearState()
{
    hasState_ = false;
    current_.clear();
    previous_.clear();
    updateDescription();
    update();
}

void CellView::setState(const Inspection& inspection, int layer, int step)
{
    cell_ = inspection.cell;
    if (layer < 0 || layer >= int(inspection.layers.size()) || step < 0
        || step >= int(inspection.layers[std::size_t(layer)].steps.size())) {
        clearState();
        return;
    }
    const std::vector<StepState>& steps = inspection.layers[std::size_t(layer)].steps;
    current_.clear();
    previous_.clear();
    for (const auto& [name, v] : steps[std::size_t(step)].values)
        current_[toQ(name)] = v;
    // What enters the step: the previous step's c and h, zeros at the first (PyTorch's h₀ = c₀ = 0).
    for (const QString& key : {u"c"_s, u"h"_s}) {
        if (!current_.contains(key))
            continue;
        previous_[key] = step > 0 ? steps[std::size_t(step) - 1].values.at(toStd(key))
                                  : std::vector<double>(current_[key].size(), 0.0);
    }
    hasState_ = true;
    layer_ = layer;
    layers_ = int(inspection.layers.size());
    step_ = step;
    steps_ = int(steps.size());
    target_ = inspection.targetIndex;
    updateDescription();
    update();
}

std::span<const double> CellView::values(const QString& key, bool previous) const
{
    const auto& map = previous ? previous_ : current_;
    const auto it = map.find(key);
    return it == map.end() ? std::span<const double>() : std::span<const double>(it->second);
}

QString CellView::valueText(const QString& gate) const
{
    const bool previous = gate.endsWith(u"_prev");
    const std::span<const double> v = values(previous ? gate.chopped(5) : gate, previous);
    if (!hasState_ || v.empty())
        return u"–"_s;
    return QString::number(mean(v), 'f', 3);
}

QString CellView::equationsHtml() const
{
    return u"<p><b>%1</b></p><p>%2</p><p>%3</p>"_s.arg(tr("%1 equations (PyTorch)").arg(cellTitle(cell_)),
                                                       equations(cell_), equationNote(cell_));
}

QString CellView::title() const
{
    if (!hasState_)
        return tr("%1 cell: no values yet (train a network or open a model to see them live)").arg(cellTitle(cell_));
    return tr("%1 cell · layer %2 of %3 · step t = %4 of %5 · prediction of series index %6")
        .arg(cellTitle(cell_))
        .arg(layer_ + 1)
        .arg(layers_)
        .arg(step_ + 1)
        .arg(steps_)
        .arg(target_);
}

void CellView::updateDescription()
{
    QStringList parts{title()};
    for (const CellDiagram::Gate& g : cellDiagram(cell_).gates)
        parts << u"%1 (%2): %3"_s.arg(g.name, g.key, valueText(g.key));
    setAccessibleDescription(parts.join(u"; "));
}

void CellView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    // The canvas (kCellCanvas) scaled uniformly to fit, at the top; in a wide, low view the
    // canvas widens to the view's shape and the equations beside the diagram get the room.
    const qreal scale = std::min(width() / kCellCanvas.width(), height() / kCellCanvas.height());
    const qreal canvasWidth = std::max(kCellCanvas.width(), width() / scale);
    p.scale(scale, scale);
    p.setPen(palette().color(QPalette::Text));
    p.setFont(scaled(font(), 1.1, true));
    p.drawText(QRectF(10, 4, canvasWidth - 20, 26), Qt::AlignLeft | Qt::AlignVCenter, title());
    const CellDiagram diagram = cellDiagram(cell_);
    paintDiagram(p, diagram);
    paintGates(p, diagram);
    paintStates(p, diagram);
    paintSide(p, canvasWidth);
}

void CellView::paintDiagram(QPainter& p, const CellDiagram& d) const
{
    const QPalette& pal = palette();
    const QColor base = pal.color(QPalette::Base), ink = pal.color(QPalette::Text);
    for (const CellDiagram::Wire& w : d.wires) {
        p.setPen(QPen(mixColors(base, ink, w.belt ? 0.6 : 0.75), w.belt ? 3.5 : 1.5));
        if (w.arrow)
            teaching::drawArrow(p, w.path);
        else
            p.drawPolyline(w.path);
    }
    p.setFont(scaled(font(), 1.0));
    for (const CellDiagram::Mark& m : d.marks) {
        const qreal width = m.text.size() > 2 ? 44 : m.text.size() > 1 ? 30 : 22;
        const QRectF r(m.centre - QPointF(width / 2, 10), QSizeF(width, 20));
        p.setPen(QPen(teaching::frameColour(pal), 1.2));
        p.setBrush(base);
        p.drawRoundedRect(r, 10, 10);
        p.setPen(ink);
        p.drawText(r, Qt::AlignCenter, m.text);
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(ink);
    p.setFont(scaled(font(), 0.95, true));
    for (const CellDiagram::Caption& c : d.captions)
        teaching::drawLabel(p, c.anchor, c.side, c.text, base, 3);
}

void CellView::paintGates(QPainter& p, const CellDiagram& d) const
{
    const QPalette& pal = palette();
    const QColor base = pal.color(QPalette::Base), ink = pal.color(QPalette::Text);
    for (const CellDiagram::Gate& g : d.gates) {
        const std::span<const double> v = values(g.key, false);
        const double m = mean(v);
        const QColor fill = hasState_ ? teaching::activationColour(m, g.range, pal) : mixColors(base, ink, 0.12);
        p.setPen(QPen(teaching::frameColour(pal), 1.2));
        p.setBrush(base);
        p.drawRoundedRect(g.rect, 5, 5);
        const QRectF band(g.rect.left(), g.rect.top(), g.rect.width(), 22);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(band.adjusted(1, 1, -1, 0), 4, 4);
        p.setPen(inkOn(fill, pal));
        p.setFont(scaled(font(), 1.05, true));
        p.drawText(band, Qt::AlignCenter, g.key + u"  "_s + g.symbol);
        p.setPen(ink);
        p.setFont(scaled(font(), 0.82));
        p.drawText(QRectF(g.rect.left(), band.bottom() + 2, g.rect.width(), 15), Qt::AlignCenter, g.name);
        p.setFont(scaled(font(), 1.0, true));
        p.drawText(QRectF(g.rect.left(), band.bottom() + 17, g.rect.width(), 17), Qt::AlignCenter, valueText(g.key));
        const qreal x = g.rect.left() + 6, w = g.rect.width() - 12;
        teaching::drawLevelBar(p, QRectF(x, g.rect.bottom() - 24, w, 7), hasState_ ? m : std::nan(""), g.range, pal);
        teaching::drawUnitStrip(p, QRectF(x, g.rect.bottom() - 14, w, 9), v, g.range, pal);
    }
}

void CellView::paintStates(QPainter& p, const CellDiagram& d) const
{
    const QPalette& pal = palette();
    const QColor base = pal.color(QPalette::Base), ink = pal.color(QPalette::Text);
    for (const CellDiagram::State& s : d.states) {
        const std::span<const double> v = values(s.key, s.previous);
        p.setPen(QPen(teaching::frameColour(pal), 1.2));
        p.setBrush(mixColors(base, ink, 0.05));
        p.drawRoundedRect(s.rect, 5, 5);
        const QRectF text = s.rect.adjusted(6, 2, -6, -s.rect.height() / 2);
        p.setPen(ink);
        p.setFont(scaled(font(), 1.05, true));
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, s.label);
        p.setFont(scaled(font(), 0.95));
        p.drawText(text, Qt::AlignRight | Qt::AlignVCenter, valueText(s.previous ? s.key + u"_prev"_s : s.key));
        const qreal x = s.rect.left() + 6, w = s.rect.width() - 12;
        teaching::drawLevelBar(p, QRectF(x, s.rect.bottom() - 22, w, 6), hasState_ ? mean(v) : std::nan(""),
                               Range::Signed, pal);
        teaching::drawUnitStrip(p, QRectF(x, s.rect.bottom() - 13, w, 8), v, Range::Signed, pal);
    }
}

void CellView::paintSide(QPainter& p, qreal canvasWidth) const
{
    const QPalette& pal = palette();
    const qreal left = kDiagramWidth + 10, width = canvasWidth - left - 8;
    // The equations as large as the column allows (up to 1.4 × the font), leaving the colour
    // scales their 72 units below.
    QTextDocument doc;
    doc.setTextWidth(width);
    doc.setHtml(equationsHtml());
    for (qreal factor = std::clamp(width / 246, 1.0, 1.4); factor >= 0.9; factor -= 0.05) {
        doc.setDefaultFont(scaled(font(), factor));
        if (doc.size().height() <= kCellCanvas.height() - 30 - 76)
            break;
    }
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = pal;
    context.palette.setColor(QPalette::Text, pal.color(QPalette::Text));
    p.save();
    p.translate(left, 30);
    doc.documentLayout()->draw(&p, context);
    p.restore();

    // The colour scales of the gates and states.
    qreal y = std::min(30 + doc.size().height() + 4, kCellCanvas.height() - 72);
    p.setPen(pal.color(QPalette::Text));
    p.setFont(scaled(font(), 0.9));
    const std::vector<double> unit = ramp(0, 1), signedRamp = ramp(-1, 1);
    if (cell_ != CellType::Rnn) { // the Elman cell has no σ gate
        p.drawText(QRectF(left, y, width, 16), Qt::AlignLeft, tr("σ gates: 0 … 1"));
        teaching::drawUnitStrip(p, QRectF(left, y + 18, std::min(width - 4, 320.0), 10), unit, Range::Unit, pal);
        y += 36;
    }
    p.drawText(QRectF(left, y, width, 16), Qt::AlignLeft, tr("tanh, c and h: −1 … 0 … 1 (clamped)"));
    teaching::drawUnitStrip(p, QRectF(left, y + 18, std::min(width - 4, 320.0), 10), signedRamp, Range::Signed, pal);
}

} // namespace rnnwb::app
