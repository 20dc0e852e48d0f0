package io.tweetstream.connect.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.types.Password;

/**
 * A truststore of the certificate authorities to trust instead of the JVM's: for a network whose
 * proxy inspects TLS and re-signs X's certificates with a CA of its own, or for a test server.
 *
 * @param type a {@link KeyStore} type: PKCS12 (which also reads JKS files) or JKS
 */
public record TrustStore(String location, Password password, String type) {

    /**
     * A TLS context trusting this store's certificates only.
     *
     * @throws IllegalArgumentException when the store cannot be read; the message names the file and
     *     the failure (a wrong password reads "keystore password was incorrect"), never the password
     */
    public SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore keyStore = KeyStore.getInstance(type);
            keyStore.load(in, password == null || password.value() == null ? null : password.value().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the " + type + " truststore " + location + ": " + e, e);
        }
    }
}
