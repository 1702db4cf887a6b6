package com.campaignstudio.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SnifferTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            orders-gbk.csv,         GB18030,  ','
            followers-utf8-bom.tsv, UTF-8,    '\t'
            posts-utf16.csv,        UTF-16LE, ';'
            spend-pipe.csv,         UTF-8,    '|'
            """)
    void detectsEncodingAndDelimiter(String file, String charset, char delimiter) throws Exception {
        SourceFormat format = Sniffer.sniff(ImportFixtures.fixture(file));
        assertEquals(SourceFormat.Kind.DELIMITED_TEXT, format.kind());
        assertEquals(Charset.forName(charset), format.charset());
        assertEquals(delimiter, format.delimiter());
    }
}
