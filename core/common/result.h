#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace sluice {

// A value or a message for the operator, at API boundaries (after Qt Creator's
// Result<T>). The message already names the object at fault.
struct Error
{
    QString message;
    // Exit-code class the CLI maps this to (see DESIGN.md).
    enum class Kind { Config, Unreachable, Refused, Query, Cancelled, Internal } kind = Kind::Internal;

    // The object at fault ("sync crm", "destination hook"): the message's own
    // opening words when they name one, for `"error": {"message", "object"}`.
    QString object() const;
};

// The object a message opens with ("destination hook: ..." -> "destination hook").
QString objectNamedBy(const QString &message);

template<typename T>
class [[nodiscard]] Result final
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template<>
class [[nodiscard]] Result<void> final
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error configError(QString message) { return {std::move(message), Error::Kind::Config}; }

} // namespace sluice
