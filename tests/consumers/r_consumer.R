# The README's R example, run as written: lmsstage from system2, its TSV read by read.delim, with
# counts and values checked. Usage: Rscript r_consumer.R PROGRAM_DIR
args <- commandArgs(trailingOnly = TRUE)
Sys.setenv(PATH = paste(args[1], Sys.getenv("PATH"), sep = .Platform$path.sep))
work <- tempfile("lmsstage-r")
dir.create(work)
setwd(work)
writeLines(c("id,site,size,grade,nodes", "T-001,extremity,65mm,3,", "\"Smith, J\",extremity,12,2,yes",
             "T-003,uterus,7,,", "T-004,trunk,-2,1,"), "cohort.csv")

# --- as in the README ("From R") ---
out <- system2("lmsstage", c("batch", "--exit-zero", "--to", "tsv", "cohort.csv"), stdout = TRUE)
stopifnot(is.null(attr(out, "status")))  # exit 0: every record has its row, errors included
staged <- read.delim(text = out, na.strings = "")
table(staged$stage, useNA = "ifany")
# --- end of the README's example ---

failures <- character()
check <- function(ok, what) if (!isTRUE(ok)) failures <<- c(failures, what)
check(nrow(staged) == 4, paste("rows:", nrow(staged)))
check(identical(staged$stage, c("III", "III", "IB", NA)), paste("stages:", paste(staged$stage, collapse = " ")))
check(identical(staged$id[2], "Smith, J"), "the quoted id")
check(identical(staged$ok == "true", c(TRUE, TRUE, TRUE, FALSE)), "ok")
check(isTRUE(all.equal(staged$survival_percent[1:3], c(82.4, 59.8, 60))), "survival_percent")
check(identical(staged$error_field[4], "size"), "the error row")
check(!any(grepl("\r", unlist(staged[!is.na(staged$error_message), ]))), "a CR left in a cell")
if (length(failures) > 0) {
  cat(paste("FAIL:", failures), sep = "\n")
  quit(status = 1)
}
cat("R: system2 and read.delim read lmsstage's TSV as the README shows\n")
