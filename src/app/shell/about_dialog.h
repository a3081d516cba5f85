#pragma once
// The About dialog: name, version, what the app does, what this build was made with
// (compiler, Qt at run time, Eigen, SIMD sets) and the licences of the libraries it uses, with
// links. Non-modal: one per parent, raised again when asked twice.
#include <QString>

class QWidget;

namespace rnnwb::app {

void showAboutDialog(QWidget* parent);

// The build lines of the dialog as plain text (the dialog's "Copy" button puts them on the
// clipboard for bug reports).
QString buildDescription();

} // namespace rnnwb::app
