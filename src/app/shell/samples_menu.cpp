#include "app/shell/samples_menu.h"

#include "app/session/bundled_data.h"

namespace rnnwb::app {

QMenu* createSamplesMenu(QWidget* parent, std::function<void(const QString&)> openBundled,
                         std::function<void(const TeachingSeries&)> generate)
{
    auto* menu = new QMenu(QMenu::tr("&Samples"), parent);
    menu->setToolTipsVisible(true);
    menu->addSection(QMenu::tr("Bundled datasets"));
    for (const BundledDataset& d : bundledDatasets()) {
        QAction* a = menu->addAction(d.title);
        a->setToolTip(d.description);
        a->setStatusTip(d.description);
        QObject::connect(a, &QAction::triggered, menu, [openBundled, path = d.path] { openBundled(path); });
    }
    menu->addSection(QMenu::tr("Teaching series (generated)"));
    for (const TeachingSeries& t : teachingSeries()) {
        QAction* a = menu->addAction(t.title);
        a->setToolTip(t.description);
        a->setStatusTip(t.description);
        QObject::connect(a, &QAction::triggered, menu, [generate, t] { generate(t); });
    }
    return menu;
}

} // namespace rnnwb::app
