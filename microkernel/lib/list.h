/*
 * list.h: an intrusive doubly linked circular list. A node that is in no
 * list points at itself, so removal is safe to test with list_is_linked.
 */
#ifndef MK_LIB_LIST_H
#define MK_LIB_LIST_H

#include <stddef.h>

struct list_node {
	struct list_node *prev, *next;
};

#define LIST_INIT(name) { &(name), &(name) }

static inline void list_init(struct list_node *n)
{
	n->prev = n->next = n;
}

static inline int list_is_empty(const struct list_node *head)
{
	return head->next == head;
}

static inline int list_is_linked(const struct list_node *n)
{
	return n->next != n;
}

static inline void list_insert_before(struct list_node *pos, struct list_node *n)
{
	n->prev = pos->prev;
	n->next = pos;
	pos->prev->next = n;
	pos->prev = n;
}

static inline void list_push_back(struct list_node *head, struct list_node *n)
{
	list_insert_before(head, n);
}

static inline void list_remove(struct list_node *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
	list_init(n);
}

static inline struct list_node *list_pop_front(struct list_node *head)
{
	struct list_node *n = head->next;

	if (n == head)
		return NULL;
	list_remove(n);
	return n;
}

#define list_entry(node, type, member) \
	((type *)((char *)(node) - offsetof(type, member)))

#define list_for_each(pos, head) \
	for (struct list_node *pos = (head)->next; pos != (head); pos = pos->next)

#endif
