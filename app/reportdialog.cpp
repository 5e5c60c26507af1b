#include "reportdialog.h"

#include "report/report.h"
#include "reportpdf.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDate>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

namespace fathom {

namespace {

QString sectionTitle(const QString& key)
{
    if (key == QLatin1String("summary"))
        return ReportDialog::tr("Survey summary");
    if (key == QLatin1String("contacts"))
        return ReportDialog::tr("Contacts");
    if (key == QLatin1String("alerts"))
        return ReportDialog::tr("Spike alerts");
    if (key == QLatin1String("models"))
        return ReportDialog::tr("Models");
    if (key == QLatin1String("device"))
        return ReportDialog::tr("Device");
    return ReportDialog::tr("Analyst's notes");
}

// The file last written when it was this project's report; otherwise this project's name in that
// folder (or beside the survey), in the format last chosen: one project's report never lands on
// another's file.
QString proposedOutput(const QSettings& settings, const QString& projectName, const project::Project& project)
{
    const QString last = settings.value(QStringLiteral("output")).toString();
    if (!last.isEmpty() && settings.value(QStringLiteral("outputProject")).toString() == projectName)
        return last;
    if (projectName.isEmpty())
        return QString();
    const QFileInfo lastFile(last);
    const QString folder = !last.isEmpty() ? lastFile.absolutePath()
                           : !project.survey.empty()
                               ? QFileInfo(QString::fromStdString(project.survey.string())).absolutePath()
                               : QDir::homePath();
    const QString suffix =
        lastFile.suffix().toLower() == QLatin1String("html") ? QStringLiteral("html") : QStringLiteral("pdf");
    return QDir(folder).filePath(projectName + QStringLiteral("-report.") + suffix);
}

} // namespace

ReportDialog::ReportDialog(project::Project project, std::vector<std::pair<std::string, std::string>> device,
                           const QString& language, const QString& projectName, QWidget* parent)
    : QDialog(parent)
    , m_project(std::move(project))
    , m_device(std::move(device))
    , m_projectName(projectName)
{
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Report"));
    QSettings settings;
    settings.beginGroup(QStringLiteral("report"));

    auto* form = new QFormLayout;
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("reportTitle"));
    form->addRow(tr("&Title:"), m_title);
    m_author = new QLineEdit(settings.value(QStringLiteral("author")).toString(), this);
    form->addRow(tr("&Author:"), m_author);
    m_date = new QLineEdit(QDate::currentDate().toString(Qt::ISODate), this);
    form->addRow(tr("&Date:"), m_date);
    m_classification = new QComboBox(this);
    m_classification->setEditable(true);
    m_classification->addItems({QString(), QStringLiteral("UNCLASSIFIED"), QStringLiteral("RESTRICTED"),
                                QStringLiteral("CONFIDENTIAL"), QStringLiteral("SECRET")});
    m_classification->setCurrentText(settings.value(QStringLiteral("classification")).toString());
    m_classification->setToolTip(tr("Printed in every page's header and footer"));
    form->addRow(tr("&Classification:"), m_classification);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("reportLanguage"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    m_language->setCurrentIndex(m_language->findData(settings.value(QStringLiteral("language"), language)));
    form->addRow(tr("&Language:"), m_language);
    // The title proposed in the report's language, following it until the analyst writes their own.
    const auto defaultTitle = [this, projectName] {
        const auto language = report::parseLanguage(m_language->currentData().toString().toStdString());
        return QString::fromStdString(report::text("default_title", language)) + QStringLiteral(" — ") + projectName;
    };
    m_title->setText(defaultTitle());
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this, defaultTitle, proposed = m_title->text()]() mutable {
                if (m_title->text() == proposed)
                    m_title->setText(defaultTitle());
                proposed = defaultTitle();
            });
    m_page = new QComboBox(this);
    m_page->addItem(QStringLiteral("A4"), QStringLiteral("a4"));
    m_page->addItem(QStringLiteral("Letter"), QStringLiteral("letter"));
    m_page->setCurrentIndex(
        std::max(0, m_page->findData(settings.value(QStringLiteral("page"), QStringLiteral("a4")))));
    form->addRow(tr("&Page size:"), m_page);

    // Sections: tick to include, drag (or Alt+Up/Down) to reorder.
    m_sections = new QListWidget(this);
    m_sections->setObjectName(QStringLiteral("reportSections"));
    m_sections->setDragDropMode(QAbstractItemView::InternalMove);
    const auto order = settings.value(QStringLiteral("sections")).toStringList();
    const auto unticked = settings.value(QStringLiteral("unticked")).toStringList();
    QStringList keys = order;
    for (auto kind : report::allSections()) {
        const auto key = QString::fromStdString(report::sectionKey(kind));
        if (!keys.contains(key))
            keys << key;
    }
    for (const auto& key : keys) {
        try {
            report::parseSections(key.toStdString()); // a key from an older version is dropped
        } catch (const std::exception&) {
            continue;
        }
        auto* item = new QListWidgetItem(sectionTitle(key), m_sections);
        item->setData(Qt::UserRole, key);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(unticked.contains(key) ? Qt::Unchecked : Qt::Checked);
    }
    auto* up = new QPushButton(tr("Move &Up"), this);
    auto* down = new QPushButton(tr("Move Do&wn"), this);
    up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(up, &QPushButton::clicked, this, [this] {
        const int row = m_sections->currentRow();
        if (row > 0)
            moveSection(row, row - 1);
    });
    connect(down, &QPushButton::clicked, this, [this] {
        const int row = m_sections->currentRow();
        if (row >= 0 && row + 1 < m_sections->count())
            moveSection(row, row + 1);
    });
    auto* sectionsBox = new QGroupBox(tr("Sections"), this);
    auto* sectionsLayout = new QHBoxLayout(sectionsBox);
    sectionsLayout->addWidget(m_sections);
    auto* moveButtons = new QVBoxLayout;
    moveButtons->addWidget(up);
    moveButtons->addWidget(down);
    moveButtons->addStretch();
    sectionsLayout->addLayout(moveButtons);

    m_rejected = new QCheckBox(tr("Include &rejected contacts and alerts"), this);
    m_rejected->setChecked(settings.value(QStringLiteral("rejected"), false).toBool());
    m_maxContacts = new QSpinBox(this);
    m_maxContacts->setRange(1, 10000);
    m_maxContacts->setValue(settings.value(QStringLiteral("maxContacts"), 100).toInt());
    form->addRow(tr("Contacts shown (highest score first):"), m_maxContacts);
    m_maxAlerts = new QSpinBox(this);
    m_maxAlerts->setObjectName(QStringLiteral("reportMaxAlerts"));
    m_maxAlerts->setRange(1, 10000);
    m_maxAlerts->setValue(settings.value(QStringLiteral("maxAlerts"), 50).toInt());
    form->addRow(tr("Alerts shown (highest score first):"), m_maxAlerts);
    form->addRow(QString(), m_rejected);

    m_notes = new QPlainTextEdit(this);
    m_notes->setPlaceholderText(tr("The analyst's notes: conditions, remarks, recommendations…"));
    m_notes->setMaximumHeight(90);
    m_sections->setMaximumHeight(150);

    m_output = new QLineEdit(proposedOutput(settings, projectName, m_project), this);
    m_output->setPlaceholderText(tr("report.pdf or report.html"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ReportDialog::chooseOutput);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output);
    outputRow->addWidget(browse);
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_output);
    form->addRow(fileLabel, outputRow);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setWordWrap(true);

    m_buttons = new QDialogButtonBox(this);
    m_write = m_buttons->addButton(tr("&Write Report"), QDialogButtonBox::AcceptRole);
    m_open = m_buttons->addButton(tr("&Open"), QDialogButtonBox::ActionRole);
    m_open->setEnabled(false);
    auto* close = m_buttons->addButton(QDialogButtonBox::Close);
    connect(m_write, &QPushButton::clicked, this, &ReportDialog::write);
    connect(m_open, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_written)); });
    connect(close, &QPushButton::clicked, this, [this] {
        if (m_running)
            cancel();
        else
            reject();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(sectionsBox);
    layout->addWidget(new QLabel(tr("Notes:"), this));
    layout->addWidget(m_notes);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(560, 720);
}

ReportDialog::~ReportDialog()
{
    if (m_stop)
        *m_stop = true;
    if (m_worker)
        m_worker->wait();
    delete m_worker;
}

void ReportDialog::setOutput(const QString& file)
{
    m_output->setText(file);
}

QString ReportDialog::output() const
{
    return m_output->text().trimmed();
}

QStringList ReportDialog::sections() const
{
    QStringList keys;
    for (int i = 0; i < m_sections->count(); ++i)
        if (m_sections->item(i)->checkState() == Qt::Checked)
            keys << m_sections->item(i)->data(Qt::UserRole).toString();
    return keys;
}

void ReportDialog::setSectionChecked(const QString& key, bool checked)
{
    for (int i = 0; i < m_sections->count(); ++i)
        if (m_sections->item(i)->data(Qt::UserRole).toString() == key)
            m_sections->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void ReportDialog::moveSection(int from, int to)
{
    auto* item = m_sections->takeItem(from);
    m_sections->insertItem(to, item);
    m_sections->setCurrentRow(to);
}

void ReportDialog::chooseOutput()
{
    const auto file =
        QFileDialog::getSaveFileName(this, tr("Write Report"), output(), tr("PDF (*.pdf);;Web page (*.html)"));
    if (!file.isEmpty())
        setOutput(file);
}

void ReportDialog::remember() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("report"));
    settings.setValue(QStringLiteral("author"), m_author->text());
    settings.setValue(QStringLiteral("classification"), m_classification->currentText());
    settings.setValue(QStringLiteral("language"), m_language->currentData());
    settings.setValue(QStringLiteral("page"), m_page->currentData());
    settings.setValue(QStringLiteral("rejected"), m_rejected->isChecked());
    settings.setValue(QStringLiteral("maxContacts"), m_maxContacts->value());
    settings.setValue(QStringLiteral("maxAlerts"), m_maxAlerts->value());
    settings.setValue(QStringLiteral("output"), output());
    settings.setValue(QStringLiteral("outputProject"), m_projectName);
    QStringList order, unticked;
    for (int i = 0; i < m_sections->count(); ++i) {
        const auto key = m_sections->item(i)->data(Qt::UserRole).toString();
        order << key;
        if (m_sections->item(i)->checkState() != Qt::Checked)
            unticked << key;
    }
    settings.setValue(QStringLiteral("sections"), order);
    settings.setValue(QStringLiteral("unticked"), unticked);
}

void ReportDialog::write()
{
    if (m_running)
        return;
    if (output().isEmpty())
        chooseOutput();
    const QString file = output();
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (file.isEmpty() || (suffix != QLatin1String("pdf") && suffix != QLatin1String("html"))) {
        m_status->setText(tr("Choose a file ending in .pdf or .html."));
        return;
    }
    if (!QFileInfo(QFileInfo(file).absolutePath()).isWritable()) {
        m_status->setText(tr("%1 cannot be written: the folder is missing or read-only.").arg(file));
        return;
    }
    const auto keys = sections();
    if (keys.isEmpty()) {
        m_status->setText(tr("Tick at least one section."));
        return;
    }
    remember();
    report::ReportOptions options;
    options.title = m_title->text().toStdString();
    options.author = m_author->text().toStdString();
    options.date = m_date->text().toStdString();
    options.classification = m_classification->currentText().toStdString();
    options.language = report::parseLanguage(m_language->currentData().toString().toStdString());
    options.sections = report::parseSections(keys.join(QLatin1Char(',')).toStdString());
    options.notes = m_notes->toPlainText().toStdString();
    options.device = m_device;
    options.includeRejected = m_rejected->isChecked();
    options.maxContacts = std::size_t(m_maxContacts->value());
    options.maxAlerts = std::size_t(m_maxAlerts->value());
    const PageSize page = parsePageSize(m_page->currentData().toString().toStdString());

    m_running = true;
    m_write->setEnabled(false);
    m_open->setEnabled(false);
    m_progress->setValue(0);
    m_status->setText(tr("Building the report…"));
    if (m_worker)
        m_worker->wait();
    delete m_worker;
    m_stop = std::make_shared<std::atomic<bool>>(false);
    QPointer<ReportDialog> self(this);
    auto stop = m_stop;
    m_worker = QThread::create([self, stop, options, page, file, project = m_project] {
        QString message;
        bool ok = false;
        try {
            const auto content = report::buildReport(
                project, options,
                [self](double share) {
                    QMetaObject::invokeMethod(
                        self,
                        [self, share] {
                            if (self)
                                self->m_progress->setValue(int(share * 95));
                        },
                        Qt::QueuedConnection);
                },
                stop.get());
            if (!stop->load()) {
                if (file.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
                    const int pages = writeReportPdf(content, file.toStdString(), page);
                    message = tr("Written to %1 (%n pages).", nullptr, pages).arg(file);
                } else {
                    report::writeHtml(content, file.toStdString());
                    message = tr("Written to %1.").arg(file);
                }
                if (!content.missing.empty())
                    message += QLatin1Char(' ') + tr("Some parts could not be shown; the report says which.");
                ok = true;
            }
        } catch (const std::exception& e) {
            message = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            self,
            [self, ok, message, file, stop] {
                if (self)
                    self->done(ok, stop->load() ? tr("Cancelled; nothing was written.") : message, file);
            },
            Qt::QueuedConnection);
    });
    m_worker->start();
}

void ReportDialog::cancel()
{
    if (m_stop)
        *m_stop = true;
}

void ReportDialog::done(bool ok, const QString& message, const QString& file)
{
    if (m_worker)
        m_worker->wait();
    m_running = false;
    m_write->setEnabled(true);
    m_progress->setValue(ok ? 100 : 0);
    m_status->setText(message);
    if (ok) {
        m_written = file;
        m_open->setEnabled(true);
    }
    emit finished(ok, message);
}

void ReportDialog::closeEvent(QCloseEvent* event)
{
    cancel();
    QDialog::closeEvent(event);
}

} // namespace fathom
