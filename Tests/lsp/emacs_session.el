;;; emacs_session.el --- An Emacs session (eglot) against `aftermath lsp', in batch mode.
;; Loads the set-up of docs/editors.md (the file in $SNIPPET), opens a finding of the
;; repository in $REPO, breaks its owner, waits for the diagnostic Flymake shows, asks for a
;; completion, jumps to a definition, and writes what it saw to $OUT, one `key=value' line each.

(package-activate-all)
(require 'markdown-mode)
(require 'eglot)
(load (getenv "SNIPPET") nil t)

(defvar seen nil)
(defun note (key value) (push (format "%s=%s" key value) seen))
(defun finish ()
  (with-temp-file (getenv "OUT") (insert (mapconcat #'identity (reverse seen) "\n") "\n"))
  (kill-emacs 0))
(defun wait-for (predicate)
  "Waits (up to 30 s) for PREDICATE to hold, serving processes and timers meanwhile."
  (let ((deadline (+ (float-time) 30)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(setq flymake-no-changes-timeout 0.1)
(find-file (expand-file-name "postmortems/PM-2026-001-checkout-db-disk-full/findings/F-2026-001-01-wal-archiving-unalerted.md" (getenv "REPO")))
(note "mode" major-mode)
;; `eglot-ensure' connects after the command that opened the file.
(run-hooks 'post-command-hook)
(note "connected" (and (wait-for (lambda () (eglot-current-server))) t))

;; Line 7 is `owner: dmitri': an edit that is not saved.
(goto-char (point-min))
(forward-line 6)
(delete-region (point) (line-end-position))
(insert "owner: dmitr")
;; Batch mode is never idle, so the idle timers that send the change and start Flymake do
;; not run: what they call is called here.
(eglot--signal-textDocument/didChange)
(note "diagnostics_arrived"
      (and (wait-for (lambda ()
                       (flymake-start)
                       (cl-some (lambda (d) (string-match-p "AM206" (flymake-diagnostic-text d))) (flymake-diagnostics))))
           t))
(dolist (d (flymake-diagnostics))
  (note "diagnostic" (format "%d %s %s" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-type d) (flymake-diagnostic-text d))))

;; Completion in the `category:' value (line 6, after `category: ').
(goto-char (point-min))
(forward-line 5)
(end-of-line)
(let* ((capf (eglot-completion-at-point))
       (candidates (and capf (all-completions "" (nth 2 capf)))))
  (dolist (candidate candidates) (note "completion" (substring-no-properties candidate))))

;; Definition of `PM-2026-001' (line 4), and the jump to it.
(goto-char (point-min))
(forward-line 3)
(search-forward "PM-2026-001")
(backward-char 2)
(xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
(note "jumped_to" (buffer-file-name))
(finish)
