#pragma once

#include "common/modelsizes.h"

#include <QHash>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QToolButton;
class QFormLayout;

namespace fathom {

// The Training dock: data, target, label column, models and their settings (the batch comes
// from the active device's profile); Train, Pause/Resume and Cancel; a progress bar with ETA and
// samples/s, loss curves per model, and the registry of trained models with the active one.
// It shows and asks; a controller runs the work.
class TrainingPanel : public QWidget
{
    Q_OBJECT

public:
    struct Settings
    {
        // data: one CSV/TSV file, or several separated by ';', trained on as one data set in
        // that order (the same channels in each).
        QString data, target, labels;
        QStringList models;
        QStringList skip; // channels left out of the features
        int lookback = 32, epochs = 12, batch = 32;
        int accumulate = 1; // batches whose gradients are summed before the weights move
        // Training/validation/test: "70/15/15" or the times the validation and test parts begin;
        // empty for the default (read by ml's SplitSpec, which says what is wrong with a bad one).
        QString split;
        double learningRate = 2e-3;
        ModelSizes sizes; // dropout and PatchTST's shape (Model Settings…)
        // Run on: empty for this machine, else an ssh destination (a ~/.ssh/config alias or
        // user@host) and the fathom-cli to run there.
        QString remoteHost;
        QString remoteCli = QStringLiteral("fathom-cli");

        QStringList dataFiles() const; // `data`, file by file
    };
    // How several data files are written in the Data field.
    static QString joinDataFiles(const QStringList& files);
    struct Progress
    {
        QString model;
        int modelIndex = 0, models = 1; // 0-based position in the run
        int epoch = 0, epochs = 0;
        qint64 step = 0, steps = 0;
        double loss = 0, validationLoss = 0, samplesPerSecond = 0, etaSeconds = 0;
    };
    struct Entry
    {
        QString name, folder, device;
        double validationMse = 0, testMse = 0, seconds = 0;
        int epochs = 0;
    };

    explicit TrainingPanel(QWidget* parent = nullptr);

    void setChannels(const QStringList& channels);
    // The hosts offered under "Run on: a remote host" (those of the user's ~/.ssh/config).
    void setRemoteHosts(const QStringList& hosts);
    void setSettings(const Settings& settings);
    Settings settings() const;
    void setProfileBatch(int batch, const QString& device);
    QToolButton* modelSettingsButton() const { return m_sizesButton; }
    void setRunning(bool running);
    bool isRunning() const { return m_running; }
    void showProgress(const Progress& progress);
    void addEpoch(const QString& model, int epoch, double trainLoss, double validationLoss);
    void clearCurves();
    void setEntries(const QVector<Entry>& entries, const QString& activeFolder);
    QString activeFolder() const { return m_activeFolder; }
    void setStatus(const QString& text);
    // The active device's memory as the monitor last sampled it, shown beside the progress.
    void setDeviceMemory(const QString& text);
    void appendLog(const QString& line);
    QStringList selectedFolders() const;
    QCustomPlot* lossPlot() const { return m_plot; }
    QPushButton* trainButton() const { return m_train; }
    QPushButton* retrainButton() const { return m_retrain; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QTableWidget* registry() const { return m_registry; }
    QPushButton* compareButton() const { return m_compare; }
    QPlainTextEdit* log() const { return m_log; }

signals:
    void startRequested(const fathom::TrainingPanel::Settings& settings);
    void retrainRequested(const fathom::TrainingPanel::Settings& settings);
    void pauseToggled(bool paused);
    void cancelRequested();
    void browseRequested();
    void activeModelRequested(const QString& folder);
    void deleteModelRequested(const QString& folder);
    void compareRequested(const QString& first, const QString& second);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showSizes(); // the Model Settings button's summary of m_sizes
    void refreshButtons();

    QFormLayout* m_form = nullptr;
    QVector<QLabel*> m_formLabels;
    QLineEdit* m_data = nullptr;
    QToolButton* m_browse = nullptr;
    QComboBox* m_target = nullptr;
    QComboBox* m_labels = nullptr;
    QLineEdit* m_skip = nullptr;
    QHash<QString, QCheckBox*> m_models;
    QToolButton* m_sizesButton = nullptr;
    ModelSizes m_sizes;
    QSpinBox* m_lookback = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batch = nullptr;
    QSpinBox* m_accumulate = nullptr;
    QLineEdit* m_split = nullptr;
    QLabel* m_splitLabel = nullptr;
    QLabel* m_accumulateLabel = nullptr;
    QDoubleSpinBox* m_rate = nullptr;
    QLabel* m_profile = nullptr;
    QComboBox* m_runOn = nullptr;
    QComboBox* m_host = nullptr;
    QLineEdit* m_remoteCli = nullptr;
    QPushButton* m_train = nullptr;
    QPushButton* m_retrain = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QCustomPlot* m_plot = nullptr;
    QTableWidget* m_registry = nullptr;
    QPushButton* m_setActive = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_compare = nullptr;
    QLabel* m_memory = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QVector<Entry> m_entries;
    QString m_activeFolder;
    QString m_wantedTarget, m_wantedLabels;
    QString m_profileDevice;
    int m_profileBatch = 0;
    bool m_running = false;
};

} // namespace fathom
