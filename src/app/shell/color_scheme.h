#pragma once
// Light and dark colour schemes for the whole app: the Fusion style with its light palette or
// a hand-made dark one, or whatever the platform gives (System). Charts follow through
// plot_style.h. The choice is saved (QSettings key "colorScheme"); RNNWB_THEME=dark|light|system
// in the environment overrides it for one session (screenshots, tests).
#include <QString>

#include <optional>

class QApplication;
class QMenu;
class QPalette;
class QWidget;

namespace rnnwb::app {

enum class ColorScheme { System, Light, Dark };

QString colorSchemeKey(ColorScheme scheme); // "system", "light", "dark"
std::optional<ColorScheme> parseColorScheme(const QString& key);

// The scheme saved in the settings (System when none or unreadable).
ColorScheme savedColorScheme();
void saveColorScheme(ColorScheme scheme);
// The scheme to start with: RNNWB_THEME when set (a bad value is reported on stderr and
// ignored), else the saved one.
ColorScheme startupColorScheme();

// The palette of the Dark scheme (every role, with disabled colours).
QPalette darkPalette();

// Applies the scheme to the whole application at once: widgets and charts restyle on the
// palette change. System restores the style and palette the app started with (under Qt ≥ 6.5
// it turns Dark when the platform says its colour scheme is dark).
void applyColorScheme(QApplication& app, ColorScheme scheme);
// The scheme applied last (System before any call).
ColorScheme currentColorScheme();

// "Color Scheme" menu: System, Light, Dark as exclusive checkable actions that apply and save
// the choice at once.
QMenu* createColorSchemeMenu(QWidget* parent);

} // namespace rnnwb::app
