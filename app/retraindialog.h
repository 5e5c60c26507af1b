#pragma once

#include <QDialog>
#include <QVector>

class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;

namespace fathom {

class ContactsController;

// Tools -> Retrain Detector: the CNN detector fine-tuning on the confirmed contacts, with its
// progress, the losses per epoch and Cancel. Not modal: review goes on meanwhile.
class RetrainDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RetrainDialog(ContactsController* contacts, QWidget* parent = nullptr);
    int epochsShown() const { return int(m_train.size()); }

private:
    void progress(int epoch, int epochs, int step, int steps, double trainLoss, double validationLoss, bool epochDone);

    QLabel* m_status = nullptr;
    QProgressBar* m_bar = nullptr;
    QCustomPlot* m_plot = nullptr;
    QPushButton* m_cancel = nullptr;
    QVector<double> m_epochs, m_train, m_validation;
};

} // namespace fathom
