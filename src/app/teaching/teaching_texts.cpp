#include "app/teaching/teaching_texts.h"

#include <QCoreApplication>

namespace rnnwb::app {

namespace {
// The context lupdate records for tr() calls in this namespace.
QString tr(const char* text) { return QCoreApplication::translate("rnnwb::app", text); }

QString cellExplanation(CellType cell)
{
    switch (cell) {
    case CellType::Lstm:
        return tr("<b>The LSTM cell.</b> The cell state <i>c</i> runs along the top like a conveyor belt. "
                  "The <b>forget gate</b> <i>f</i> decides how much of it to keep, the <b>input gate</b> <i>i</i> "
                  "how much of the new candidate <i>g</i> to add, and the <b>output gate</b> <i>o</i> how much of "
                  "tanh(<i>c</i>) to show as the hidden state <i>h</i>. A gate near 1 is open, near 0 closed. "
                  "Move the time-step slider to watch the gates open and close over the window.");
    case CellType::Gru:
        return tr("<b>The GRU cell.</b> Two gates instead of the LSTM's three, and no separate cell state: "
                  "the <b>update gate</b> <i>z</i> mixes the old hidden state with the candidate <i>n</i> "
                  "(h = (1 − z)·n + z·h<sub>t−1</sub>), and the <b>reset gate</b> <i>r</i> decides how much of "
                  "the old state the candidate may use. z near 1 means: keep the memory.");
    case CellType::Rnn:
        return tr("<b>The plain (Elman) RNN cell.</b> One equation: h<sub>t</sub> = tanh(U·x<sub>t</sub> + "
                  "W·h<sub>t−1</sub> + b). Every step squeezes the old state through W and tanh, which is why "
                  "it forgets quickly: compare its gradient flow with the LSTM's.");
    }
    return {};
}
} // namespace

QString cellTitle(CellType cell)
{
    switch (cell) {
    case CellType::Lstm: return tr("LSTM");
    case CellType::Gru: return tr("GRU");
    case CellType::Rnn: return tr("Elman RNN");
    }
    return {};
}

QString teachingExplanation(TeachingView view, CellType cell)
{
    switch (view) {
    case TeachingView::Architecture:
        return tr("<b>The network, folded and unrolled.</b> The input <i>X</i> enters the hidden layer <i>S</i> "
                  "through the weights <i>U</i>; <i>S</i> feeds itself at the next time step through <i>W</i> (the "
                  "loop); the output <i>O</i> reads <i>S</i> through <i>V</i>. Unrolled, the same U, W and V are "
                  "used at every step: the network is one layer copied along time. The shapes on the arrows "
                  "change as you change the hyperparameters.");
    case TeachingView::Cell: return cellExplanation(cell);
    case TeachingView::Inside:
        return tr("<b>Inside the network.</b> Each map is one quantity of one layer: time steps across, hidden "
                  "units down, for the prediction you chose (click a point of the Results chart). Bright "
                  "bands show units that respond to the same moments of the series; hover for the numbers, "
                  "click a column to see that step in the cell view.");
    case TeachingView::GradientFlow:
        return tr("<b>Gradient flow.</b> How strongly the error of a prediction reaches back to each earlier "
                  "step: the size of ∂Loss/∂h<sub>t</sub>. If it falls towards zero for early steps, the network "
                  "cannot learn from them: the vanishing gradient. <i>Compare cells</i> trains a plain RNN, a GRU "
                  "and an LSTM on a series where only the value 24 steps back matters.");
    case TeachingView::Parameters:
        return tr("<b>The parameters.</b> A histogram of every weight matrix and bias. At the start they are "
                  "small random numbers; training moves them. Weights that grow very large or all collapse to "
                  "zero are a sign that the learning rate or the scaling is wrong. Use Step to train one epoch "
                  "at a time and watch them move.");
    }
    return {};
}

} // namespace rnnwb::app
