# Security in house (as the file has it) against a contract at 1.20 元/m² a month, in English.
pm --lang en compare ../compound.yaml --variant "Outsourced: outsource=security:1.2/m2"
