/** How the serdes of {@code dev.chatstream.schemas} work: not part of the public API. */
package dev.chatstream.schemas.internal;
