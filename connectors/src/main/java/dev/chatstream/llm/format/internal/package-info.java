/** Internal: what the formats share below the grouping (arguments as JSON objects, images and data URLs). */
package dev.chatstream.llm.format.internal;
