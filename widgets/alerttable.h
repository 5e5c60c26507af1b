#pragma once

#include "reviewtable.h"

namespace fathom {

// The Alerts dock: every spike alert with its times, score, channels and model, for review.
class AlertTable : public ReviewTable
{
    Q_OBJECT

public:
    struct Row
    {
        QString start, end, peak; // as shown
        double seconds = 0;       // duration
        double score = 0;
        QString channels;
        QString model;
        QString status = QStringLiteral("new");
        QString note;
    };

    explicit AlertTable(QWidget* parent = nullptr);

    void setAlerts(const QVector<Row>& rows);
    void updateAlert(int index, const Row& row) { updateItem(index, toItem(row)); }
    Row alert(int index) const;
    int currentAlert() const { return currentIndex(); }
    void setCurrentAlert(int index) { setCurrentIndex(index); }

signals:
    void alertActivated(int index);

protected:
    QStringList columnTitles() const override;
    QString summaryText(int total, int confirmed, int rejected, int shown) const override;
    QString filterHint() const override;

private:
    static Item toItem(const Row& row);
};

} // namespace fathom
