package dev.ijoka.web.fake;

/** A face that uses the engine's SPI: forbidden. */
public class FaceOnTheSpi {
    dev.ijoka.spi.fake.Port port;
}
