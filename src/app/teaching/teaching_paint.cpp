#include "app/teaching/teaching_paint.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace rnnwb::app::teaching {

namespace {

QString mapDigits(int n, const char16_t (&digits)[12])
{
    QString out;
    for (const QChar c : QString::number(n))
        out += c == u'-' ? QChar(digits[10]) : QChar(digits[c.unicode() - u'0']);
    return out;
}

// Hues of the diverging scale (negative, positive) and of the 0 … 1 gate scale.
const QColor kNegative(52, 120, 210);
const QColor kPositive(230, 110, 30);
const QColor kGate(30, 165, 110);

} // namespace

QString superscript(int n) { return mapDigits(n, u"⁰¹²³⁴⁵⁶⁷⁸⁹⁻"); }
QString subscript(int n) { return mapDigits(n, u"₀₁₂₃₄₅₆₇₈₉₋"); }

std::vector<int> shownIndices(int count, int head, int tail)
{
    std::vector<int> shown;
    if (count <= head + tail + 1) {
        for (int i = 0; i < count; ++i)
            shown.push_back(i);
        return shown;
    }
    for (int i = 0; i < head; ++i)
        shown.push_back(i);
    shown.push_back(kEllipsis);
    for (int i = count - tail; i < count; ++i)
        shown.push_back(i);
    return shown;
}

void drawArrow(QPainter& painter, const QPolygonF& path)
{
    if (path.size() < 2)
        return;
    painter.save();
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(path);
    // The head: a triangle pointing along the last segment, 9 px long, 8 px wide.
    const QPointF tip = path.last();
    const QPointF d = tip - path[path.size() - 2];
    const qreal length = std::hypot(d.x(), d.y());
    if (length > 0) {
        const QPointF u = d / length;
        const QPointF n(-u.y(), u.x());
        const QPointF back = tip - u * 9.0;
        painter.setBrush(painter.pen().color());
        painter.setPen(Qt::NoPen);
        painter.drawPolygon(QPolygonF{tip, back + n * 4.0, back - n * 4.0});
    }
    painter.restore();
}

QRectF labelRect(const QPainter& painter, QPointF anchor, Qt::Alignment side, const QString& text, qreal gap)
{
    const QFontMetricsF metrics(painter.font());
    const QStringList lines = text.split(u'\n');
    qreal width = 0;
    for (const QString& line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    const QSizeF size(width + 4, metrics.height() * lines.size() + 2);
    qreal x = anchor.x() - size.width() / 2;
    if (side & Qt::AlignRight)
        x = anchor.x() + gap;
    else if (side & Qt::AlignLeft)
        x = anchor.x() - gap - size.width();
    qreal y = anchor.y() - size.height() / 2;
    if (side & Qt::AlignTop)
        y = anchor.y() - gap - size.height();
    else if (side & Qt::AlignBottom)
        y = anchor.y() + gap;
    return QRectF(QPointF(x, y), size);
}

QRectF drawLabel(QPainter& painter, QPointF anchor, Qt::Alignment side, const QString& text, const QColor& background,
                 qreal gap)
{
    const QRectF rect = labelRect(painter, anchor, side, text, gap);
    QColor patch = background;
    patch.setAlphaF(0.85f);
    painter.fillRect(rect, patch);
    const Qt::Alignment align = (side & Qt::AlignLeft)    ? Qt::AlignRight
                                : (side & Qt::AlignRight) ? Qt::AlignLeft
                                                          : Qt::AlignHCenter;
    painter.drawText(rect, int(align | Qt::AlignVCenter), text);
    return rect;
}

QColor frameColour(const QPalette& palette)
{
    return mixColors(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.45);
}

QColor activationColour(double value, Range range, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    if (!std::isfinite(value))
        return base;
    if (range == Range::Unit)
        return mixColors(base, kGate, value);
    return value < 0 ? mixColors(base, kNegative, -value) : mixColors(base, kPositive, value);
}

void drawUnitStrip(QPainter& painter, const QRectF& rect, std::span<const double> values, Range range,
                   const QPalette& palette)
{
    if (!values.empty()) {
        // One pixel per unit, stretched without smoothing: crisp cells at any hidden size.
        QImage strip(int(values.size()), 1, QImage::Format_RGB32);
        for (std::size_t u = 0; u < values.size(); ++u)
            strip.setPixelColor(int(u), 0, activationColour(values[u], range, palette));
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(rect, strip);
        painter.restore();
    }
    painter.save();
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(frameColour(palette), 1));
    painter.drawRect(rect);
    painter.restore();
}

void drawLevelBar(QPainter& painter, const QRectF& rect, double value, Range range, const QPalette& palette)
{
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette.color(QPalette::Base));
    painter.drawRect(rect);
    if (std::isfinite(value)) {
        // Unit: the bar fills [0, value]; Signed: [min(0, v), max(0, v)] around the centre.
        const double lo = range == Range::Unit ? 0.0 : 0.5,
                     v = std::clamp(value, range == Range::Unit ? 0.0 : -1.0, 1.0);
        const double hi = range == Range::Unit ? v : 0.5 + v / 2;
        const double from = std::min(lo, hi), to = std::max(lo, hi);
        painter.setBrush(activationColour(range == Range::Unit ? 1.0 : (v < 0 ? -1.0 : 1.0), range, palette));
        painter.drawRect(
            QRectF(rect.left() + rect.width() * from, rect.top(), rect.width() * (to - from), rect.height()));
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(frameColour(palette), 1));
    painter.drawRect(rect);
    if (range == Range::Signed)
        painter.drawLine(QPointF(rect.center().x(), rect.top()), QPointF(rect.center().x(), rect.bottom()));
    painter.restore();
}

} // namespace rnnwb::app::teaching
