// SPDX-License-Identifier: MIT
// A growing sequence whose elements never move, kept in blocks of 256: what
// std::deque gives, with a block per 256 elements instead of per 512 bytes
// (one allocation for two menu nodes there). Symbols, properties, menu nodes
// and expressions point at each other, so they must stay where they are.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace kconfig {

template <typename T> class StableVector
{
    static constexpr std::size_t kShift = 8;
    static constexpr std::size_t kBlock = std::size_t(1) << kShift;

    struct Block
    {
        alignas(T) unsigned char bytes[kBlock * sizeof(T)];
        T *at(std::size_t i) { return std::launder(reinterpret_cast<T *>(bytes) + i); }
    };

public:
    StableVector() = default;
    StableVector(const StableVector &) = delete;
    StableVector &operator=(const StableVector &) = delete;
    ~StableVector() { clear(); }

    template <typename... Args> T &emplace_back(Args &&...args)
    {
        if ((m_size & (kBlock - 1)) == 0 && m_size / kBlock == m_blocks.size())
            m_blocks.emplace_back(new Block); // not value-initialised: no clearing
        T *slot = m_blocks[m_size >> kShift]->at(m_size & (kBlock - 1));
        ::new (static_cast<void *>(slot)) T(std::forward<Args>(args)...);
        ++m_size;
        return *slot;
    }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T &operator[](std::size_t i) { return *m_blocks[i >> kShift]->at(i & (kBlock - 1)); }
    const T &operator[](std::size_t i) const
    {
        return *m_blocks[i >> kShift]->at(i & (kBlock - 1));
    }
    T &back() { return (*this)[m_size - 1]; }
    const T &back() const { return (*this)[m_size - 1]; }

    void clear()
    {
        for (std::size_t i = m_size; i-- > 0;)
            (*this)[i].~T();
        m_size = 0;
        m_blocks.clear();
    }

    template <typename V, typename Owner> class Iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = V *;
        using reference = V &;

        Iterator() = default;
        Iterator(Owner *owner, std::size_t i) : m_owner(owner), m_i(i) {}
        V &operator*() const { return (*m_owner)[m_i]; }
        V *operator->() const { return &(*m_owner)[m_i]; }
        Iterator &operator++()
        {
            ++m_i;
            return *this;
        }
        Iterator operator++(int)
        {
            Iterator old = *this;
            ++m_i;
            return old;
        }
        bool operator==(const Iterator &o) const { return m_i == o.m_i; }

    private:
        Owner *m_owner = nullptr;
        std::size_t m_i = 0;
    };
    using iterator = Iterator<T, StableVector>;
    using const_iterator = Iterator<const T, const StableVector>;

    iterator begin() { return {this, 0}; }
    iterator end() { return {this, m_size}; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, m_size}; }

private:
    std::vector<std::unique_ptr<Block>> m_blocks;
    std::size_t m_size = 0;
};

} // namespace kconfig
