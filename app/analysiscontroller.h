#pragma once

#include "common/alertrules.h"
#include "ml/pipeline.h"
#include "trainingpanel.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUndoStack>
#include <QVector>

#include <atomic>
#include <memory>
#include <optional>

class QMenu;

namespace fathom {

class AlertTable;
class RemoteTrainer;
class SeriesPlot;

// Owns the sensor-series side of the workbench: loads a series into the plot, trains models on
// a worker thread with progress in the Training dock, runs the active model's forecast and
// alerts over the series, and keeps the analyst's review of those alerts (with undo).
class AnalysisController : public QObject
{
    Q_OBJECT

public:
    struct ReviewedAlert
    {
        double start = 0, end = 0, peak = 0; // seconds since 1970 UTC (or rows without time)
        qint64 startRow = 0, endRow = 0, peakRow = 0;
        double score = 0;
        QString channels, model, status = QStringLiteral("new"), note;
    };

    AnalysisController(SeriesPlot* plot, AlertTable* alerts, TrainingPanel* training, QObject* parent = nullptr);
    ~AnalysisController() override;

    // Loads a CSV/TSV series in the background; `then` runs on the GUI thread once it is shown.
    void openSeries(const QString& path);
    QString seriesPath() const { return m_seriesPath; }
    // Trained models go to <folder>/<model>; models already there are listed in the registry.
    void setModelsFolder(const QString& folder);
    QString modelsFolder() const { return m_modelsFolder; }
    void train(const TrainingPanel::Settings& settings);
    // Fine-tunes the active model on the open series and on the reviewed alerts (confirmed:
    // anomalies for the spike head; rejected: normal rows the threshold must clear) into a new
    // folder, which becomes the active model.
    void retrain(const TrainingPanel::Settings& settings);
    bool isTraining() const { return m_training; }
    // Where runs on this machine train: a device id ("cpu", "cuda:0") and "fp32", "bf16" or "fp16".
    // Where training runs here: the device, its profile's precision and data workers.
    void setTrainingDevice(const QString& device, const QString& precision, int workers = 0);
    // A run on a remote host (settings.remoteHost): its memory, not this machine's, is shown.
    bool isTrainingRemotely() const;
    RemoteTrainer* remoteTrainer() const { return m_remote; }
    // A remote run that was going when Fathom last closed is followed again: its progress, then
    // its models. Returns whether there was one.
    bool resumeRemoteRun();
    void setPaused(bool paused);
    void cancel();
    // Forecast and alerts of the model in `folder` over the open series, in the background.
    // Without `replaceAlerts` only its forecast is drawn: the alerts (from a project) stay.
    void setActiveModel(const QString& folder, bool replaceAlerts = true);
    QString activeModel() const { return m_activeModel; }
    // How scores become alerts (Tools → Alert Settings; a project's): none for each model's own.
    // Changed, the active model's alerts are found again (unless not `findAgain`, as when a
    // project with its own alerts opens); reviewed ones stay.
    void setAlertRules(const std::optional<AlertRules>& rules, bool findAgain = true);
    const std::optional<AlertRules>& alertRules() const { return m_alertRules; }
    // The rules the active model was calibrated with (a calibrated model's usual where it has none).
    AlertRules modelAlertRules() const;
    // How many alerts the active model's last run over the series gives by `rules` (-1 before
    // any run): for the Alert Settings to say what a change would do before it is made.
    int alertCountBy(const AlertRules& rules) const;
    // E.g. from a project; a model run still going for the alerts before is left (its finds not merged).
    void setAlerts(const QVector<ReviewedAlert>& alerts);
    const QVector<ReviewedAlert>& alerts() const { return m_alerts; }
    void review(int index, const QString& status);
    // Removes an anomaly the analyst marked (undoable); a model's alert is rejected instead, since
    // the next run would find it again (message() says so).
    void remove(int index);
    void setNote(int index, const QString& note);
    // An anomaly the models missed, marked by the analyst over a span of the series: a confirmed
    // alert of model "analyst" (a label for the next retrain), with undo.
    void markAnomaly(double start, double end);
    QUndoStack* undoStack() { return &m_undo; }
    // The moment a ping was recorded: marked on the series.
    void showMoment(double time);
    // Two trained models side by side: both forecasts on the series, their figures in
    // comparisonReady (a row per measure: its name, then the two models' values).
    void compare(const QString& first, const QString& second);
    // The Alerts dock's details line for one alert.
    QString details(int index) const;

signals:
    void seriesOpened(const QString& path, qint64 rows);
    void trainingStarted();
    void trainingFinished(bool cancelled);
    void alertsDetected(int count); // a model's run over the series finished
    void comparisonReady(const QStringList& models, const QVector<QStringList>& rows);
    void alertsChanged();
    // The analyst picked a moment on the series (an alert's peak, a click): the waterfall follows.
    void momentChosen(double time);
    void failed(const QString& message);
    void message(const QString& text);

private:
    void run(std::function<void()> job);
    void startJob(const ml::TrainJob& job, const QStringList& order);
    void trainRemotely(const TrainingPanel::Settings& settings, const QStringList& order);
    void ensureRemote();
    void beginTraining(const QString& what, const QString& data);
    void showTrainingProgress(const TrainingPanel::Progress& progress, bool epochDone);
    void finishTraining(const QString& failure, const QStringList& done, bool cancelled);
    void post(std::function<void()> update);
    void refreshRegistry();
    QString labelOf(const QString& folder) const;
    void showAlerts();
    void applyReview(int index, const QString& status, const QString& note);
    void pushStatus(int index, const QString& status); // undoable; the list's choice stays
    // An alert's review from the series' context menu: status, and Delete for the analyst's marks.
    void addReviewActions(QMenu* menu, int index);

    QPointer<SeriesPlot> m_plot;
    QPointer<AlertTable> m_table;
    QPointer<TrainingPanel> m_panel;
    QThread m_thread;
    RemoteTrainer* m_remote = nullptr;
    QObject* m_worker = nullptr;
    std::atomic<bool> m_stop{false}, m_pause{false};
    bool m_training = false;
    bool m_isTime = true;
    bool m_replaceAlerts = true;
    QString m_seriesPath, m_modelsFolder, m_activeModel;
    QString m_device = QStringLiteral("cpu"), m_precision = QStringLiteral("fp32");
    int m_workers = 0;
    QStringList m_skip;
    QString m_target; // the active model's forecast channel
    QVector<ReviewedAlert> m_alerts;
    std::optional<AlertRules> m_alertRules;
    std::shared_ptr<const std::vector<float>> m_scores; // per row, of the active model's last run
    QUndoStack m_undo;
    quint64 m_detectGeneration = 0;
};

} // namespace fathom
