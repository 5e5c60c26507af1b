#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include <functional>

namespace fathom {

namespace {

QString plain(QString text) // "&Open Project…" → "Open Project…"
{
    text.remove(QRegularExpression(QStringLiteral("\\(&[^)]\\)"))); // "보고서(&R)…"
    return text.remove(QLatin1Char('&')).trimmed();
}

} // namespace

std::vector<std::pair<QString, QString>> ShortcutsDialog::entries(const QMenuBar* menus)
{
    std::vector<std::pair<QString, QString>> rows;
    const std::function<void(const QMenu*, const QString&)> walk = [&](const QMenu* menu, const QString& path) {
        for (const auto* action : menu->actions()) {
            if (action->isSeparator())
                continue;
            const auto name = path + QStringLiteral(" → ") + plain(action->text());
            if (action->menu())
                walk(action->menu(), name);
            else if (!action->shortcut().isEmpty())
                rows.emplace_back(name, action->shortcut().toString(QKeySequence::NativeText));
        }
    };
    rows.emplace_back(tr("Menus"), QString());
    if (menus)
        for (const auto* action : menus->actions())
            if (action->menu())
                walk(action->menu(), plain(action->text()));
    rows.emplace_back(tr("Waterfall"), QString());
    rows.emplace_back(tr("Scroll"), tr("Wheel, ↑ ↓, Page Up, Page Down"));
    rows.emplace_back(tr("Start or end of the file"), tr("Home, End"));
    rows.emplace_back(tr("Zoom"), tr("Ctrl+wheel, +, −"));
    rows.emplace_back(tr("Measure across the seabed (and an object's height from its shadow)"), tr("Shift+drag"));
    rows.emplace_back(tr("Mark a contact the detectors missed (box it with its shadow)"), tr("Ctrl+drag"));
    rows.emplace_back(tr("Select a contact"), tr("Click its box"));
    rows.emplace_back(tr("Review a contact (status, class), or mark one at the mouse"), tr("Right-click"));
    rows.emplace_back(tr("Review the contacts without leaving the waterfall"),
                      tr("J, K, C, X, U, 1 – 6, Delete, Enter"));
    rows.emplace_back(tr("Series lanes"), QString());
    rows.emplace_back(tr("Zoom, pan"), tr("Wheel, drag"));
    rows.emplace_back(tr("Zoom into a box"), tr("Ctrl+drag"));
    rows.emplace_back(tr("Show everything"), tr("Double-click"));
    rows.emplace_back(tr("Select a span (to mark as an anomaly)"), tr("Shift+drag, then right-click or Ctrl+M"));
    rows.emplace_back(tr("Bring the waterfall to a moment"), tr("Click"));
    rows.emplace_back(tr("Review an alert"), tr("Right-click it"));
    rows.emplace_back(tr("Alerts and contacts lists"), QString());
    rows.emplace_back(tr("Next, previous"), tr("J, K"));
    rows.emplace_back(tr("Confirm, reject, back to new"), tr("C, X, U"));
    rows.emplace_back(tr("Edit the note"), tr("Enter"));
    rows.emplace_back(tr("Class of a contact: cylinder, cone, sphere, rock, debris, wreck"), tr("1 – 6"));
    rows.emplace_back(tr("Delete a contact or anomaly you marked"), tr("Delete"));
    return rows;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    const auto rows = entries(menus);
    auto* table = new QTableWidget(int(rows.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setShowGrid(false);
    for (int r = 0; r < int(rows.size()); ++r) {
        auto* what = new QTableWidgetItem(rows[std::size_t(r)].first);
        auto* keys = new QTableWidgetItem(rows[std::size_t(r)].second);
        if (rows[std::size_t(r)].second.isEmpty()) { // a group's title
            auto font = what->font();
            font.setBold(true);
            what->setFont(font);
            table->setSpan(r, 0, 1, 2);
        }
        table->setItem(r, 0, what);
        table->setItem(r, 1, keys);
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(640, 560);
}

} // namespace fathom
