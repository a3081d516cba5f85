#pragma once
// The drawing of one recurrent cell for the cell view (cell_view.h), on a fixed 800 × 340
// canvas that the view scales to its size: the gates as boxes, the states as chips, the
// pointwise operations (×, +, 1−, tanh) as small marks and the wires between them.
//
//   LSTM  the cell state c is the conveyor belt across the top, c_{t−1} → × f → + i⊙g → c_t;
//         h_{t−1} and x_t run along the bottom into the four gates; h_t = o ⊙ tanh(c_t) leaves
//         on the right.
//   GRU   h_{t−1} runs across the top, × z → + (1−z)⊙n → h_t; r scales the recurrent part of n.
//   RNN   one tanh layer: h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh).
#include "app/teaching/teaching_paint.h"
#include "core/nn/param_layout.h"

#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <vector>

namespace rnnwb::app {

constexpr QSizeF kCellCanvas(800, 340); // wide and low: the tab it sits in is
// The diagram's part of the canvas; the equations and colour scales use the rest, on the right.
constexpr qreal kDiagramWidth = 536;

struct CellDiagram {
    struct Gate {
        QString key;    // the Inspection's name: "i", "f", "g", "o", "r", "z", "n", "h"
        QString symbol; // the activation: "σ" or "tanh"
        QString name;   // "forget gate"
        teaching::Range range;
        QRectF rect;
    };
    struct State {
        QString key;   // "c" or "h"
        bool previous; // the value entering the step (t − 1), zero at the first step
        QString label; // "cₜ₋₁"
        QRectF rect;
    };
    struct Mark {
        QPointF centre;
        QString text; // "×", "+", "1−", "tanh"
    };
    struct Wire {
        QPolygonF path;
        bool arrow = true;
        bool belt = false; // the LSTM cell state / GRU hidden path: drawn thicker
    };
    struct Caption {
        QPointF anchor;
        Qt::Alignment side;
        QString text;
    };
    std::vector<Gate> gates;
    std::vector<State> states;
    std::vector<Mark> marks;
    std::vector<Wire> wires;
    std::vector<Caption> captions;
};

CellDiagram cellDiagram(CellType cell);

} // namespace rnnwb::app
