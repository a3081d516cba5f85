#pragma once
// What the architecture view draws, laid out for a given size: boxes (X, S, O and the steps of
// the unrolled network), arrows with their labels, and text blocks. ArchitectureView paints a
// scene; its arrowLabels() reads the same scene, so tests see exactly the drawn labels.
#include "core/training/train_config.h"

#include <QFontMetricsF>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <vector>

namespace rnnwb::app {

struct ArchitectureScene {
    struct Node {
        QRectF rect;
        QString title;      // "X", "S¹", "x₃"
        QString detail;     // smaller second line, may be empty
        bool state = false; // a hidden state (drawn highlighted)
    };
    struct Arrow {
        QPolygonF path;                                         // head at the last point
        QString label;                                          // may hold '\n'; empty: no label
        QPointF anchor;                                         // the label sits beside this point …
        Qt::Alignment side = Qt::AlignRight | Qt::AlignVCenter; // … on this side (teaching::labelRect)
        bool dashed = false;                                    // passes through an elided part
    };
    struct Note {
        QRectF rect;
        QString text;
        bool heading = false;
        int flags = int(Qt::AlignLeft | Qt::AlignTop) | Qt::TextWordWrap;
    };
    std::vector<Node> nodes;
    std::vector<Arrow> arrows;
    std::vector<Note> notes;
};

// metrics: the widget's font (text blocks are sized with it).
ArchitectureScene foldedScene(const TrainConfig& config, QSizeF size, const QFontMetricsF& metrics);
ArchitectureScene unrolledScene(const TrainConfig& config, QSizeF size, const QFontMetricsF& metrics);

// The layout sentence of architecture_view.h, with the window's size.
QString layoutExplanation(const TrainConfig& config);

} // namespace rnnwb::app
