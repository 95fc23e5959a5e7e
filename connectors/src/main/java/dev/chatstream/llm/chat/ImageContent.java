package dev.chatstream.llm.chat;

import java.util.Objects;

/**
 * An image part of a message.
 *
 * @param id the image's id ({@code img_...})
 * @param image an external URL or a {@code data:} URL
 * @param inferenceWidth width to resize to before inference, or null
 * @param inferenceHeight height to resize to before inference, or null
 * @param inferenceDetail the detail level a provider should use
 * @param mimeType an explicit MIME type, which wins over a data URL's; or null
 */
public record ImageContent(
    String id,
    String image,
    Integer inferenceWidth,
    Integer inferenceHeight,
    ImageDetail inferenceDetail,
    String mimeType)
    implements ChatContent {

  /** @throws NullPointerException when id, image or inferenceDetail is null */
  public ImageContent {
    Objects.requireNonNull(id, "image id must not be null");
    Objects.requireNonNull(image, "image must not be null");
    Objects.requireNonNull(inferenceDetail, "image inference detail must not be null");
  }

  /** An image with a generated id, detail {@code auto} and no resize or MIME type. */
  public static ImageContent of(String image) {
    return new ImageContent(ItemIds.newImageId(), image, null, null, ImageDetail.AUTO, null);
  }
}
