#pragma once

#include "project/project.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThread;

namespace fathom {

// File -> Report…: which sections in which order, title, author, date, the classification marking,
// language, page size, the analyst's notes; PDF or HTML by the file's extension. The report is built
// and written in the background with a progress bar; Cancel stops it and nothing is written.
// Choices are remembered between sessions.
class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    ReportDialog(project::Project project, std::vector<std::pair<std::string, std::string>> device,
                 const QString& language, const QString& projectName, QWidget* parent = nullptr);
    ~ReportDialog() override;

    void setOutput(const QString& file);
    QString output() const;
    // Sections as ticked, top to bottom: "summary", "contacts", …
    QStringList sections() const;
    void setSectionChecked(const QString& key, bool checked);
    void moveSection(int from, int to);
    bool running() const { return m_running; }

public slots:
    void write(); // starts in the background; finished() tells how it went
    void cancel();

signals:
    void finished(bool ok, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void chooseOutput();
    void remember() const;
    void done(bool ok, const QString& message, const QString& file);

    project::Project m_project;
    std::vector<std::pair<std::string, std::string>> m_device;
    QString m_projectName;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_author = nullptr;
    QLineEdit* m_date = nullptr;
    QComboBox* m_classification = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_page = nullptr;
    QListWidget* m_sections = nullptr;
    QCheckBox* m_rejected = nullptr;
    QSpinBox* m_maxContacts = nullptr;
    QSpinBox* m_maxAlerts = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QLineEdit* m_output = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_write = nullptr;
    QPushButton* m_open = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QThread* m_worker = nullptr; // a QThread: Qt's painting and text layout need one
    std::shared_ptr<std::atomic<bool>> m_stop;
    bool m_running = false;
    QString m_written;
};

} // namespace fathom
