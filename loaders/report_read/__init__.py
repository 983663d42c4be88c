"""Reading every Ofsted report PDF of the corpus (issue 18): page text with PDFium, the layout read
from the document, grades, dates and inspectors across layouts, and every leadership sentence.

Pure code: text in, facts out, each with its page and quote. It knows nothing of the graph; the
reports loader places what it finds. (Written beside `loaders.report_pdf` while the loaders are being
reshaped into packages; it moves into `loaders/report_pdf/` once that lands.)
"""
