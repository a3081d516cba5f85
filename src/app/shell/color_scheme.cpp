#include "app/shell/color_scheme.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleHints>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace rnnwb::app {

namespace {

const QString kSettingKey = u"colorScheme"_s;
ColorScheme current = ColorScheme::System;

// What the app looked like before the first scheme was applied: System goes back to it.
struct StartAppearance {
    QString style;
    QPalette palette;
};

const StartAppearance& startAppearance(const QApplication& app)
{
    static const StartAppearance start{app.style()->name(), app.palette()};
    return start;
}

// Relative luminance (0 black … 1 white) of the window background decides "dark".
bool isDarkPalette(const QPalette& palette) { return palette.color(QPalette::Window).lightnessF() < 0.5; }

bool platformPrefersDark(const QPalette& startPalette)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark)
        return true;
#endif
    return isDarkPalette(startPalette);
}

// Fusion draws every control from the palette (platform styles may not), so both schemes use it.
void useFusion(const QApplication& app)
{
    if (app.style()->name().compare(u"fusion"_s, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(u"Fusion"_s);
}

} // namespace

QString colorSchemeKey(ColorScheme scheme)
{
    switch (scheme) {
    case ColorScheme::System: return u"system"_s;
    case ColorScheme::Light: return u"light"_s;
    case ColorScheme::Dark: return u"dark"_s;
    }
    return u"system"_s;
}

std::optional<ColorScheme> parseColorScheme(const QString& key)
{
    for (ColorScheme s : {ColorScheme::System, ColorScheme::Light, ColorScheme::Dark})
        if (key.trimmed().compare(colorSchemeKey(s), Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

ColorScheme savedColorScheme()
{
    return parseColorScheme(QSettings().value(kSettingKey).toString()).value_or(ColorScheme::System);
}

void saveColorScheme(ColorScheme scheme) { QSettings().setValue(kSettingKey, colorSchemeKey(scheme)); }

ColorScheme startupColorScheme()
{
    const QString env = qEnvironmentVariable("RNNWB_THEME");
    if (env.isEmpty())
        return savedColorScheme();
    if (const std::optional<ColorScheme> scheme = parseColorScheme(env))
        return *scheme;
    std::fprintf(stderr, "rnn-workbench: RNNWB_THEME=%s: expected dark, light or system; using the saved scheme\n",
                 qPrintable(env));
    return savedColorScheme();
}

// Dark grey surfaces (not black: shadows and borders must still show), near-white text
// (contrast ≈ 12:1 on the base), a blue highlight that white text reads on.
QPalette darkPalette()
{
    const QColor window(0x2d, 0x2f, 0x32), base(0x1f, 0x21, 0x24), text(0xe4, 0xe6, 0xe8);
    const QColor disabledText(0x80, 0x84, 0x88), highlight(0x3a, 0x78, 0xc8);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x28, 0x2a, 0x2e));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9e, 0xa3));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x37, 0x3a, 0x3e));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4b, 0x4f, 0x54));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x47));
    p.setColor(QPalette::Mid, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb8, 0x9c, 0xf0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4b, 0x4f, 0x54));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    return p;
}

void applyColorScheme(QApplication& app, ColorScheme scheme)
{
    const StartAppearance& start = startAppearance(app);
    const ColorScheme before = current;
    current = scheme;
    switch (scheme) {
    case ColorScheme::Light:
        useFusion(app);
        QApplication::setPalette(app.style()->standardPalette());
        return;
    case ColorScheme::Dark:
        useFusion(app);
        QApplication::setPalette(darkPalette());
        return;
    case ColorScheme::System:
        if (platformPrefersDark(start.palette) && !isDarkPalette(start.palette)) {
            useFusion(app);
            QApplication::setPalette(darkPalette()); // Qt ≥ 6.5 knows the desktop is dark; the style does not
        } else if (before != ColorScheme::System) {
            QApplication::setStyle(start.style);
            QApplication::setPalette(start.palette);
        } // else: nothing was changed; the platform's own palette stays live
        return;
    }
}

ColorScheme currentColorScheme() { return current; }

QMenu* createColorSchemeMenu(QWidget* parent)
{
    auto* menu = new QMenu(QMenu::tr("&Color Scheme"), parent);
    menu->setObjectName(u"colorSchemeMenu"_s);
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    const struct {
        ColorScheme scheme;
        QString text, tip;
    } choices[] = {
        {ColorScheme::System, QMenu::tr("&System"), QMenu::tr("The desktop's own colours")},
        {ColorScheme::Light, QMenu::tr("&Light"), QMenu::tr("Dark text on light backgrounds")},
        {ColorScheme::Dark, QMenu::tr("&Dark"), QMenu::tr("Light text on dark backgrounds, charts included")},
    };
    for (const auto& choice : choices) {
        QAction* action = menu->addAction(choice.text);
        action->setCheckable(true);
        action->setChecked(choice.scheme == currentColorScheme());
        action->setStatusTip(choice.tip);
        action->setData(colorSchemeKey(choice.scheme));
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [scheme = choice.scheme] {
            applyColorScheme(*qApp, scheme);
            saveColorScheme(scheme);
        });
    }
    // Another menu (or a start-up override) may have changed the scheme since: show the truth.
    QObject::connect(menu, &QMenu::aboutToShow, menu, [group] {
        for (QAction* action : group->actions())
            action->setChecked(action->data().toString() == colorSchemeKey(currentColorScheme()));
    });
    return menu;
}

} // namespace rnnwb::app
