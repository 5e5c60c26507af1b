#include "contactgallery.h"

#include "contactscontroller.h"
#include "contacttable.h"
#include "report/figures.h"
#include "sonar/sonarfile.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPointer>
#include <QSettings>
#include <QSignalBlocker>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

#include <numeric>

namespace fathom {

namespace {

constexpr int kPictureWidth = 200, kPictureHeight = 160;
constexpr int kFramedRole = Qt::UserRole + 1;  // the status an item's frame is painted for
constexpr int kContactRole = Qt::UserRole + 2; // the index of the contact an item shows

QColor frameColour(const std::string& status)
{
    return status == "confirmed"  ? QColor(40, 160, 60)
           : status == "rejected" ? QColor(150, 150, 150)
                                  : QColor(230, 140, 0);
}

QIcon iconOf(const QPixmap& pixmap)
{
    QIcon icon;
    icon.addPixmap(pixmap, QIcon::Normal);
    icon.addPixmap(pixmap, QIcon::Selected); // the picture untinted: the caption shows the choice
    return icon;
}

// The picture (already at most the gallery's size) in a frame of its status's colour (orange new,
// green confirmed, grey rejected), as the waterfall's boxes and the reports show them.
QIcon framed(const QImage& picture, const std::string& status)
{
    QPixmap pixmap(kPictureWidth + 8, kPictureHeight + 8);
    pixmap.fill(frameColour(status));
    QPainter painter(&pixmap);
    painter.fillRect(4, 4, kPictureWidth, kPictureHeight, Qt::black);
    if (!picture.isNull())
        painter.drawImage(4 + (kPictureWidth - picture.width()) / 2, 4 + (kPictureHeight - picture.height()) / 2,
                          picture);
    painter.end();
    return iconOf(pixmap);
}

// The same picture in another status's frame: only the frame is painted again (a gallery of
// hundreds keeps one small picture per contact, no full-size copy).
QIcon reframed(const QIcon& icon, const std::string& status)
{
    auto pixmap = icon.pixmap(QSize(kPictureWidth + 8, kPictureHeight + 8));
    QPainter painter(&pixmap);
    painter.setPen(QPen(frameColour(status), 4, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter.drawRect(QRectF(2, 2, kPictureWidth + 4, kPictureHeight + 4));
    painter.end();
    return iconOf(pixmap);
}

} // namespace

ContactGallery::ContactGallery(ContactsController* contacts, ContactTable* table,
                               std::shared_ptr<const sonar::SonarFile> file, QWidget* parent)
    : QDialog(parent)
    , m_contacts(contacts)
    , m_table(table)
    , m_file(std::move(file))
{
    setObjectName(QStringLiteral("contactGallery"));
    auto* layout = new QVBoxLayout(this);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("galleryList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kPictureWidth + 8, kPictureHeight + 8));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(6);
    m_list->setWordWrap(true);
    m_list->installEventFilter(this);
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("galleryFilter"));
    for (const auto* status : {"", "new", "confirmed", "rejected"})
        m_filter->addItem(QString(), QLatin1String(status));
    auto* top = new QHBoxLayout;
    top->addWidget(m_filter);
    top->addWidget(m_hint, 1);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    m_filter->setCurrentIndex(
        std::max(0, m_filter->findData(QSettings().value(QStringLiteral("gallery/status")).toString())));
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(QStringLiteral("gallery/status"), m_filter->currentData().toString());
        refreshTexts();
    });
    resize(1000, 700);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && contactAt(row) != m_table->currentIndex())
            m_table->setCurrentIndex(contactAt(row)); // the dock, the waterfall and the close-up follow
    });
    connect(m_table, &ReviewTable::activated, this, [this](int index) {
        const QSignalBlocker quiet(m_list);
        if (const int row = rowOf(index); row >= 0) {
            m_list->setCurrentRow(row);
            m_list->scrollToItem(m_list->item(row));
        }
    });
    connect(m_table, &ReviewTable::orderChanged, this, &ContactGallery::reorder);
    connect(m_contacts, &ContactsController::changed, this, [this] {
        if (int(m_contacts->contacts().size()) != m_shownCount)
            rebuild();
        else
            refreshTexts();
    });
    connect(m_contacts, &ContactsController::detected, this, &ContactGallery::rebuild);
    retranslate();
    rebuild();
}

ContactGallery::~ContactGallery()
{
    if (m_stop)
        m_stop->store(true);
}

void ContactGallery::retranslate()
{
    setWindowTitle(tr("Contact Gallery"));
    const QString names[] = {tr("Everything"), tr("New"), tr("Confirmed"), tr("Rejected")};
    for (int i = 0; i < m_filter->count(); ++i)
        m_filter->setItemText(i, names[i]);
    m_hint->setText(
        tr("Every contact up close, in the Contacts dock's order (sort the dock to change it). C confirms, X "
           "rejects, U sets back to new, 1–6 give the class, Delete removes one you marked; the one chosen is "
           "shown on the waterfall."));
}

void ContactGallery::rebuild()
{
    if (m_stop)
        m_stop->store(true);
    m_stop = std::make_shared<std::atomic<bool>>(false);
    const auto generation = ++m_generation;
    const auto contacts = m_contacts->contacts();
    m_shownCount = int(contacts.size());
    m_rendered = 0;
    auto order = m_table->sortedIndices();
    if (order.size() != int(contacts.size())) { // the dock not yet showing these: along the line
        order.resize(int(contacts.size()));
        std::iota(order.begin(), order.end(), 0);
    }
    {
        const QSignalBlocker quiet(m_list);
        m_list->clear();
        m_rows = QVector<int>(int(contacts.size()), -1);
        for (int row = 0; row < order.size(); ++row) {
            const auto& c = contacts[std::size_t(order[row])];
            auto* item = new QListWidgetItem(framed({}, c.status), QString(), m_list);
            item->setData(kFramedRole, QString::fromStdString(c.status));
            item->setData(kContactRole, order[row]);
            item->setSizeHint(QSize(kPictureWidth + 24, kPictureHeight + 52));
            m_rows[order[row]] = row;
        }
        if (const int row = rowOf(m_table->currentIndex()); row >= 0)
            m_list->setCurrentRow(row);
    }
    refreshTexts();
    if (contacts.empty() || !m_file) {
        emit allRendered();
        return;
    }
    QPointer<ContactGallery> self(this);
    // Rendered in the gallery's order: the first pictures on screen come first.
    QThreadPool::globalInstance()->start([self, file = m_file, contacts, order, stop = m_stop, generation] {
        for (int n = 0; n < order.size() && !stop->load(); ++n) {
            const int i = order[n];
            QImage picture;
            try {
                const auto figure = report::contactCrop(*file, contacts[std::size_t(i)]);
                picture = QImage::fromData(figure.data.data(), int(figure.data.size()))
                              .scaled(kPictureWidth, kPictureHeight, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            } catch (const std::exception&) {
                // A contact the file cannot show (moved, truncated): its frame stays empty.
            }
            QMetaObject::invokeMethod(qApp, [self, i, picture, generation, last = n + 1 == order.size()] {
                if (!self || generation != self->m_generation || self->rowOf(i) < 0)
                    return;
                const auto& status = self->m_contacts->contacts()[std::size_t(i)].status;
                auto* item = self->m_list->item(self->rowOf(i));
                item->setIcon(framed(picture, status));
                item->setData(kFramedRole, QString::fromStdString(status));
                ++self->m_rendered;
                if (last)
                    emit self->allRendered();
            });
        }
    });
}

int ContactGallery::contactAt(int row) const
{
    return row >= 0 && row < m_list->count() ? m_list->item(row)->data(kContactRole).toInt() : -1;
}

int ContactGallery::rowOf(int contact) const
{
    return contact >= 0 && contact < m_rows.size() ? m_rows[contact] : -1;
}

void ContactGallery::reorder()
{
    const auto order = m_table->sortedIndices();
    if (order.size() != m_list->count() || order.size() != m_rows.size())
        return; // a rebuild for other contacts is on its way
    bool same = true;
    for (int row = 0; row < order.size() && same; ++row)
        same = contactAt(row) == order[row];
    if (same)
        return;
    // The items move, pictures and all: nothing is rendered again.
    const QSignalBlocker quiet(m_list);
    const int chosen = contactAt(m_list->currentRow());
    QVector<QListWidgetItem*> byContact(order.size(), nullptr);
    while (m_list->count() > 0) {
        auto* item = m_list->takeItem(0);
        byContact[item->data(kContactRole).toInt()] = item;
    }
    for (int row = 0; row < order.size(); ++row) {
        m_list->addItem(byContact[order[row]]);
        m_rows[order[row]] = row;
    }
    if (const int row = rowOf(chosen); row >= 0) {
        m_list->setCurrentRow(row);
        m_list->scrollToItem(m_list->item(row));
    }
}

void ContactGallery::setStatusFilter(const QString& status)
{
    m_filter->setCurrentIndex(std::max(0, m_filter->findData(status)));
}

void ContactGallery::refreshTexts()
{
    const auto& contacts = m_contacts->contacts();
    for (int i = 0; i < m_list->count(); ++i) {
        const int contact = contactAt(i);
        if (contact < 0 || std::size_t(contact) >= contacts.size())
            continue;
        const auto& c = contacts[std::size_t(contact)];
        const auto status = c.status == "confirmed"  ? tr("confirmed")
                            : c.status == "rejected" ? tr("rejected")
                                                     : tr("new");
        const auto cls = c.cls.empty() ? tr("no class") : ContactTable::className(QString::fromStdString(c.cls));
        // One floating in the water column: its picture is in slant range.
        const auto side =
            (c.side ? tr("starboard") : tr("port")) + (c.inWaterColumn() ? tr(", water column") : QString());
        auto* item = m_list->item(i);
        item->setText(tr("Ping %1 · %2\n%3 · %4").arg(c.ping).arg(side, cls, status));
        item->setToolTip(QString::fromStdString(c.note));
        const auto framedAs = QString::fromStdString(c.status);
        if (item->data(kFramedRole).toString() != framedAs) { // only a review changed repaints a frame
            item->setIcon(reframed(item->icon(), c.status));
            item->setData(kFramedRole, framedAs);
        }
        const auto shown = m_filter->currentData().toString();
        item->setHidden(!shown.isEmpty() && shown.toStdString() != c.status);
    }
}

bool ContactGallery::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key != Qt::Key_J && key != Qt::Key_K && m_list->currentRow() >= 0) { // the arrows move here
            m_table->setCurrentIndex(contactAt(m_list->currentRow()));
            if (m_table->reviewKey(key))
                return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ContactGallery::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refreshTexts();
    }
    QDialog::changeEvent(event);
}

} // namespace fathom
