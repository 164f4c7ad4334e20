package dev.placemat.workflows.connectors.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;

/** An answer body collected in memory up to a size; a larger one fails the exchange as soon as it passes the size. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class BoundedBody extends AbstractBinAsyncEntityConsumer<byte[]> {

    /** The answer was larger than accepted. */
    static final class TooLarge extends IOException {
        TooLarge(int max) {
            super("the answer is larger than " + (max >= 1024 * 1024 ? max / (1024 * 1024) + " MB" : max + " bytes"));
        }
    }

    private final int maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    @Override
    protected void streamStart(ContentType contentType) {
        // the content type is read from the answer's headers
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (buffer.size() + src.remaining() > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        byte[] chunk = new byte[src.remaining()];
        src.get(chunk);
        buffer.write(chunk);
    }

    @Override
    protected byte[] generateContent() {
        return buffer.toByteArray();
    }

    @Override
    public void releaseResources() {
        buffer.reset();
    }
}
