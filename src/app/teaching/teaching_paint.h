#pragma once
// Drawing pieces shared by the teaching views (architecture_view.h, cell_view.h): arrows,
// labels placed beside a point, superscript / subscript digits, the elided index lists of
// long sequences and the colours of activations. Every colour derives from the widget's
// palette, so the views read the same in a light and a dark theme.
#include "app/charts/plot_style.h" // mixColors
#include <QColor>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <span>
#include <vector>

class QPainter;
class QPalette;

namespace rnnwb::app::teaching {

QString superscript(int n); // 12 → "¹²" (layer numbers: S¹, U²)
QString subscript(int n);   // 12 → "₁₂" (time steps: x₁)

// The indices 0 … count−1 to draw when a row may be too long to draw whole: all of them when
// count ≤ head + tail + 1, else the first `head`, kEllipsis, then the last `tail`.
constexpr int kEllipsis = -1;
std::vector<int> shownIndices(int count, int head, int tail);

// An arrow along the polyline, its head at the last point, in the painter's pen colour.
void drawArrow(QPainter& painter, const QPolygonF& path);
inline void drawArrow(QPainter& painter, QPointF from, QPointF to) { drawArrow(painter, QPolygonF{from, to}); }

// Where text (lines split at '\n') goes beside `anchor`: Qt::AlignRight puts the box to the
// right of the point, AlignLeft to its left, AlignHCenter centres it; AlignTop puts it above,
// AlignBottom below, AlignVCenter centres it vertically. `gap` pixels keep it off the point.
QRectF labelRect(const QPainter& painter, QPointF anchor, Qt::Alignment side, const QString& text, qreal gap = 4);
// Draws the text there on a patch of `background`, so lines crossing it do not hide it.
QRectF drawLabel(QPainter& painter, QPointF anchor, Qt::Alignment side, const QString& text, const QColor& background,
                 qreal gap = 4);

// Frames and secondary lines: between the background and the text colour.
QColor frameColour(const QPalette& palette);

// How an activation is coloured: a sigmoid gate's 0 … 1 runs from the background to one
// hue; tanh values and states (−1 … 1, clamped) diverge, one hue below 0 and another above,
// the background at 0.
enum class Range { Unit, Signed };
QColor activationColour(double value, Range range, const QPalette& palette);

// Per-unit values as a strip of cells, left to right, each coloured by its value, in a
// frame. Without values, an empty frame.
void drawUnitStrip(QPainter& painter, const QRectF& rect, std::span<const double> values, Range range,
                   const QPalette& palette);
// A level bar for the mean: filled from 0 (Unit) or from the centre (Signed) to the value.
void drawLevelBar(QPainter& painter, const QRectF& rect, double value, Range range, const QPalette& palette);

} // namespace rnnwb::app::teaching
