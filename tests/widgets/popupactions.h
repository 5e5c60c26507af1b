#pragma once

// Context menus in tests: the object names of the actions in the menu that `open` pops up, or one
// of them triggered (the menu is read and closed as soon as it shows).
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace fathom::test {

inline QStringList popupActions(const std::function<void()>& open)
{
    QStringList offered;
    QTimer::singleShot(200, [&offered] {
        if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
            for (auto* action : menu->actions())
                offered << action->objectName();
            menu->close();
        }
    });
    open();
    return offered;
}

// Pops up the menu `open` shows and triggers its action (or a submenu's) named `name`; whether
// that action was there and enabled.
inline bool popupTrigger(const std::function<void()>& open, const QString& name)
{
    bool triggered = false;
    QTimer::singleShot(200, [&triggered, name] {
        if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
            if (auto* action = menu->findChild<QAction*>(name); action && action->isEnabled()) {
                action->trigger();
                triggered = true;
            }
            menu->close();
        }
    });
    open();
    return triggered;
}

} // namespace fathom::test
