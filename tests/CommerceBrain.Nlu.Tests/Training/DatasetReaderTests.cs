using CommerceBrain.Nlu.Training;

namespace CommerceBrain.Nlu.Tests.Training;

public sealed class DatasetReaderTests
{
    [Fact]
    public void Csv_with_quoted_newlines_and_a_category_header_is_read()
    {
        const string csv = "text,category\n\"line one\nline two, still text\",card_arrival\n\"say \"\"hi\"\"\",greeting\n\n";
        var rows = DatasetReader.ReadCsv(new StringReader(csv), "x.csv");
        Assert.Equal(2, rows.Count);
        Assert.Equal("line one\nline two, still text", rows[0].Text);
        Assert.Equal("say \"hi\"", rows[1].Text);
        Assert.Equal("greeting", rows[1].Label);
    }

    [Fact]
    public void Malformed_csv_reports_the_line_number()
    {
        const string csv = "text,label\nok,a\n\"multi\nline\",b\nbroken \"quote\",c\n";
        var e = Assert.Throws<DatasetFormatException>(() => DatasetReader.ReadCsv(new StringReader(csv), "bad.csv"));
        Assert.Equal(5, e.LineNumber);
        Assert.Contains("line 5", e.Message);

        var fields = Assert.Throws<DatasetFormatException>(() => DatasetReader.ReadCsv(new StringReader("text,label\na,b,c\n"), "f.csv"));
        Assert.Equal(2, fields.LineNumber);

        var unclosed = Assert.Throws<DatasetFormatException>(() => DatasetReader.ReadCsv(new StringReader("text,label\nx,y\n\"open,z\n"), "u.csv"));
        Assert.Equal(3, unclosed.LineNumber);
    }

    [Fact]
    public void A_csv_without_text_and_label_columns_is_rejected_at_line_1()
    {
        var e = Assert.Throws<DatasetFormatException>(() => DatasetReader.ReadCsv(new StringReader("foo,bar\n1,2\n"), "h.csv"));
        Assert.Equal(1, e.LineNumber);
    }

    [Fact]
    public void Json_lines_are_read_and_bad_lines_report_their_number()
    {
        var rows = DatasetReader.ReadJsonLines(new StringReader("{\"text\":\"hi\",\"label\":\"greet\"}\n\n{\"text\":\"\",\"label\":\"empty\"}\n"), "a.jsonl");
        Assert.Equal(2, rows.Count);
        Assert.Equal(string.Empty, rows[1].Text);

        var e = Assert.Throws<DatasetFormatException>(() =>
            DatasetReader.ReadJsonLines(new StringReader("{\"text\":\"hi\",\"label\":\"a\"}\n{\"text\":1}\n"), "b.jsonl"));
        Assert.Equal(2, e.LineNumber);
    }

    [Fact]
    public void A_missing_file_is_reported() =>
        Assert.Throws<FileNotFoundException>(() => DatasetReader.Read("/definitely/not/here.csv"));
}
