#pragma once
// The short explanations the teaching views carry, written for a student who has read the
// tutorial (rnn-lstm-tutorial.md): one per view, in the translation system (tr) so that the
// Chinese UI uses the tutorial's own terms.
#include "core/training/train_config.h"

#include <QString>

namespace rnnwb::app {

enum class TeachingView { Architecture, Cell, Inside, GradientFlow, Parameters };

// The cell's name as the teaching views show it: "LSTM", "GRU", "Elman RNN".
QString cellTitle(CellType cell);

// Rich text, a few sentences, for the view and the current cell type.
QString teachingExplanation(TeachingView view, CellType cell);

} // namespace rnnwb::app
