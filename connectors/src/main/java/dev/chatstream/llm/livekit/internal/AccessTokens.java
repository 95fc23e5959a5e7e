package dev.chatstream.llm.livekit.internal;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * LiveKit Inference access tokens: HS256 JWTs signed with the API secret, with {@code sub: "agent"},
 * {@code iss}: the API key, {@code nbf}: now, {@code exp}: ten minutes later, and
 * {@code inference: {perform: true}}.
 */
public final class AccessTokens {

  /** How long a token is valid. */
  public static final Duration TTL = Duration.ofSeconds(600);

  private final String apiKey;
  private final Algorithm algorithm;
  private final Clock clock;

  /** Tokens for this key pair, stamped by {@code clock}. */
  public AccessTokens(String apiKey, String apiSecret, Clock clock) {
    this.apiKey = apiKey;
    this.algorithm = Algorithm.HMAC256(apiSecret);
    this.clock = clock;
  }

  /** A fresh token. */
  public String create() {
    Instant now = clock.instant();
    return JWT.create()
        .withSubject("agent")
        .withIssuer(apiKey)
        .withNotBefore(now)
        .withExpiresAt(now.plus(TTL))
        .withClaim("inference", Map.of("perform", true))
        .sign(algorithm);
  }
}
