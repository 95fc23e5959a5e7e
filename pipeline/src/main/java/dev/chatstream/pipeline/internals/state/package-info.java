/**
 * Internal: the state stores. {@link dev.chatstream.pipeline.internals.state.ConversationStore} keeps
 * one entry per item (key layout in {@link dev.chatstream.pipeline.internals.state.StoreKeys}), an id
 * index and a small header per conversation;
 * {@link dev.chatstream.pipeline.internals.state.GenerationStore} keeps queued and running requests.
 * Every store is changelogged.
 */
package dev.chatstream.pipeline.internals.state;
