#pragma once
// QCustomPlot draws with its own fixed colours (black axes on white). These helpers paint a
// plot in the colours of a widget palette instead, so the teaching views read on a dark theme
// as well as on a light one, and give them the colour maps their heatmaps use.
#include <QPalette>

class QCustomPlot;
class QCPColorGradient;

namespace rnnwb::app {

// Background from QPalette::Base, axes, ticks, labels, titles and legend text from
// QPalette::Text (grid lines a faint mix of both). Call again when the palette changes.
void applyPalette(QCustomPlot* plot, const QPalette& palette);

// 0 … 1 values (sigmoid gates): a perceptually uniform dark-to-light scale (viridis' stops).
QCPColorGradient sequentialGradient();
// Values around 0 (tanh states): blue below, a light neutral at 0, red above (ColorBrewer RdBu).
QCPColorGradient divergingGradient();

} // namespace rnnwb::app
