#pragma once

// Choosing a canned response while writing a reply: type to search by title or shortcut, see
// the response rendered for this ticket, Enter inserts it. The model is separate so it can be
// tested (and reused) without the popup.

#include "domain.h"
#include "template.h"

#include <QAbstractListModel>
#include <QDialog>

#include <optional>

class QLineEdit;
class QListView;
class QTextBrowser;

namespace Pult {

class CannedResponseModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { ShortcutRole = Qt::UserRole + 1, BodyRole };

    explicit CannedResponseModel(QObject *parent = nullptr);

    void setResponses(QList<CannedResponse> responses);
    // Keeps the responses whose title or shortcut contains every word of text (case and
    // accents ignored); those whose shortcut or title starts with it come first.
    void setFilterText(const QString &text);
    const CannedResponse &response(int row) const { return m_all.at(m_shown.at(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<CannedResponse> m_all;
    QList<qsizetype> m_shown; // indexes into m_all, in display order
    QString m_filter;
};

class CannedResponsePicker : public QDialog
{
    Q_OBJECT

public:
    explicit CannedResponsePicker(QWidget *parent = nullptr);

    // The responses to offer and the context their placeholders render with in the preview.
    void setResponses(const QList<CannedResponse> &responses, const TemplateContext &context);
    CannedResponseModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    // The highlighted response, if any.
    std::optional<CannedResponse> current() const;

Q_SIGNALS:
    void chosen(const Pult::CannedResponse &response);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose();
    void updatePreview();

    CannedResponseModel *m_model = nullptr;
    TemplateContext m_context;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QTextBrowser *m_preview = nullptr;
};

} // namespace Pult
