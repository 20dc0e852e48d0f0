package io.tweetstream.simulator.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The server side of TLS from a PKCS12 keystore, for a simulator that speaks HTTPS as X does. */
public final class TlsContext {

    private TlsContext() {}

    /**
     * @throws UncheckedIOException when the keystore cannot be read or holds no usable key
     */
    public static SSLContext of(Path keyStore, String password) {
        char[] secret = password.toCharArray();
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new UncheckedIOException("cannot serve TLS with the keystore " + keyStore + ": " + e,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
